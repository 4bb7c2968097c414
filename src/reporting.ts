import type { Config } from './config';
import type { Clock, Directory, Notifier, Store } from './core/ports';
import type { Logger } from './core/logger';
import { silentLogger } from './core/logger';
import { systemClock } from './core/clock';
import { openDirectory } from './directory/openDirectory';
import { loadRoutingTable, type RoutingTable } from './core/reports/routingTable';
import { ReportService } from './core/reports/service';
import { Escalator } from './core/reports/escalation';
import { Retention } from './core/reports/retention';
import { DialogSessions } from './core/reports/dialogSessions';
import { Relay } from './core/delivery/relay';
import { ReceiptRecorder } from './core/reports/receiptRecorder';
import { openStore } from './storage/openStore';
import { DELIVERY_JOURNAL_FILE, FileDeliveryJournal } from './storage/deliveryJournalFile';
import path from 'node:path';

/** How often the relay loop runs the retention purge. */
export const RETENTION_EVERY_MS = 60 * 60 * 1000;

/** Everything incident reporting needs, wired from the configuration. */
export interface Reporting {
  store: Store;
  directory: Directory;
  routingTable: RoutingTable;
  service: ReportService;
  escalator: Escalator;
  retention: Retention;
  sessions: DialogSessions;
  /** Records the receipts doors show; those the store could not take are recorded by the relay once it can. */
  receipts: ReceiptRecorder;
  /** A relay delivering through `notifier`, which also fires escalation timers and runs retention hourly. */
  createRelay(notifier: Notifier): Relay;
  close(): Promise<void>;
}

/**
 * Creates and wires the reporting components (composition root; no logic). The directory and routing table
 * are read from the configured files unless given; the store is opened (and migrated) from the configuration.
 */
export async function openReporting(
  config: Config,
  options: { logger?: Logger; clock?: Clock; directory?: Directory; routingTable?: RoutingTable; store?: Store } = {},
): Promise<Reporting> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? openDirectory(config, { logger }).directory;
  const routingTable = options.routingTable ?? loadRoutingTable(config.routingTable);
  const store = options.store ?? (await openStore(config, logger));
  const common = { store, clock, logger };
  const service = new ReportService({ ...common, directory, routingTable, timeZone: config.timeZone, defaultLang: config.defaultLang });
  const escalator = new Escalator({ ...common, directory, routingTable });
  const retention = new Retention({ ...common, retentionDays: config.retentionDays, dialogTtlHours: config.dialogTtlHours });
  const sessions = new DialogSessions({ store, clock, ttlHours: config.dialogTtlHours });
  const receipts = new ReceiptRecorder({ service, clock, logger });
  return {
    store,
    directory,
    routingTable,
    service,
    escalator,
    retention,
    sessions,
    receipts,
    createRelay: (notifier) =>
      new Relay({
        ...common,
        notifier,
        directory,
        settings: config.relay,
        defaultLang: config.defaultLang,
        timeZone: config.timeZone,
        routingTable,
        journal: new FileDeliveryJournal(path.join(config.dataDir, DELIVERY_JOURNAL_FILE)),
        tasks: [
          { name: 'escalation', everyMs: 0, run: () => escalator.tick() },
          { name: 'retention', everyMs: RETENTION_EVERY_MS, run: () => retention.purge() },
          { name: 'receipt_records', everyMs: 0, run: () => receipts.retryDue() },
        ],
      }),
    close: async () => {
      await store.close();
      await (directory as { close?: () => Promise<void> }).close?.();
    },
  };
}
