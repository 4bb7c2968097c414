/**
 * Real databases for tests. PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. Each test gets a
 * fresh schema (t_<random>) that is dropped afterwards, so tests never see each other's rows. PGlite starts
 * in about a second, so one in-memory instance is shared per test file (jest gives each file its own module
 * registry); only one schema is in use on it at a time, which holds because tests in a file run in sequence.
 */
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import type { Store } from '../../src/core/ports';
import { ContentCipher } from '../../src/storage/contentCipher';
import { openPgliteDriver } from '../../src/storage/pgliteDriver';
import { openPostgresDriver } from '../../src/storage/postgresDriver';
import type { SqlDriver } from '../../src/storage/sqlDriver';
import { openSqlStore } from '../../src/storage/sqlStore';
import type { Directory } from '../../src/core/directory/directory';
import type { ReportDraft } from '../../src/core/reports/report';
import type { RoutingTable } from '../../src/core/reports/routingTable';
import { createJsonLogger, type Logger } from '../../src/core/logger';
import { noteSkip } from './skips';
import { ReportService } from '../../src/core/reports/service';
import { Escalator } from '../../src/core/reports/escalation';
import { Retention } from '../../src/core/reports/retention';
import { DialogSessions } from '../../src/core/reports/dialogSessions';
import { Relay, type RelaySettings } from '../../src/core/delivery/relay';
import type { Notifier } from '../../src/core/ports';
import { FakeClock } from './fakeClock';
import { demoDirectory, defaultRoutingTable } from './reportFixtures';

export type Backend = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The backends every store test runs on. */
export const BACKENDS: Backend[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
if (!TEST_DATABASE_URL) noteSkip('PostgreSQL', 'TEST_DATABASE_URL is not set');

/** A fixed key for tests (never used outside them). */
export const TEST_KEY = Buffer.alloc(32, 7);

let shared: Promise<PGlite> | undefined;

/**
 * PGlite's CommonJS build calls `import()` when it starts, which jest's module sandbox refuses unless node
 * runs with --experimental-vm-modules. So tests load PGlite through Node's own loader (outside the sandbox);
 * its values then come from another realm (e.g. `instanceof Date` is false), which the store's row mapping
 * tolerates. Production code imports PGlite normally.
 */
function nodeLoadedPglite(): typeof PGlite {
  const nodeModule = require('node:module') as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  return (nodeModule._load(require.resolve('@electric-sql/pglite'), null, false) as { PGlite: typeof PGlite }).PGlite;
}

/** A new in-memory PGlite, loaded as nodeLoadedPglite explains. */
export async function newPglite(dataDir?: string): Promise<PGlite> {
  const Pglite = nodeLoadedPglite();
  const db = dataDir ? new Pglite(dataDir) : new Pglite();
  await db.waitReady;
  return db;
}

/** This test file's in-memory PGlite (created on first use; closed by closeSharedPglite in afterAll). */
export function sharedPglite(): Promise<PGlite> {
  shared ??= newPglite();
  return shared;
}

export async function closeSharedPglite(): Promise<void> {
  if (!shared) return;
  const db = await shared;
  shared = undefined;
  if (!db.closed) await db.close();
}

export function freshSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** A driver on a fresh schema. `dispose` closes it and drops the schema. */
export async function openTestDriver(backend: Backend, schema = freshSchemaName()): Promise<{ driver: SqlDriver; schema: string; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const instance = await sharedPglite();
    const driver = await openPgliteDriver({ instance, schema });
    return {
      driver,
      schema,
      async dispose() {
        await driver.close();
        await instance.exec(`SET search_path TO public; DROP SCHEMA IF EXISTS ${schema} CASCADE;`);
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const driver = await openPostgresDriver({ connectionString: TEST_DATABASE_URL, schema });
  return {
    driver,
    schema,
    async dispose() {
      await driver.close();
      await dropPostgresSchema(schema);
    },
  };
}

export async function dropPostgresSchema(schema: string): Promise<void> {
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

export interface TestStore {
  store: Store;
  driver: SqlDriver;
  schema: string;
  cipher: ContentCipher;
  dispose(): Promise<void>;
}

/** A migrated Store on a fresh schema. */
export async function openTestStore(backend: Backend): Promise<TestStore> {
  const { driver, schema, dispose } = await openTestDriver(backend);
  const cipher = new ContentCipher(TEST_KEY);
  const store = await openSqlStore(driver, cipher);
  return { store, driver, schema, cipher, dispose };
}

// -- Reporting wired on a test database (the real service, escalator, relay and retention).

/** Markers that must never appear in a log or in raw table bytes. */
export const SECRET = {
  description: 'SECRET-DESCRIPTION Someone wrote that they will wait for me outside the youth centre',
  quote: 'SECRET-QUOTE I know where you work',
  outcome: 'SECRET-OUTCOME Police report filed, account blocked',
};

/** A complete, valid draft (a threat on the organisation's Facebook page); override any field. */
export function draft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  return {
    category: 'threat',
    platform: 'facebook',
    accountKind: 'organisation_account',
    description: SECRET.description,
    occurredOn: '2026-03-15',
    evidence: { links: ['https://facebook.com/kyrkslatt/posts/123'], quotes: [SECRET.quote], files: [] },
    immediateDanger: false,
    subjectIsManager: false,
    ...overrides,
  };
}

/** Relay settings for tests: no real waiting (the fake clock decides when a retry is due). */
export const TEST_RELAY_SETTINGS: RelaySettings = {
  pollMs: 20,
  batchSize: 20,
  maxAttempts: 15,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  leaseMs: 60_000,
  deliveryTimeoutMs: 5_000,
};

export interface TestReporting extends TestStore {
  clock: FakeClock;
  directory: Directory;
  routingTable: RoutingTable;
  service: ReportService;
  escalator: Escalator;
  retention: Retention;
  sessions: DialogSessions;
  /** Every log line written by the components (JSON). */
  logLines: string[];
  logger: Logger;
  relay(notifier: Notifier, settings?: Partial<RelaySettings>): Relay;
}

/** The reporting components on a fresh schema, the demo directory and the shipped routing table. */
export async function openTestReporting(
  backend: Backend,
  options: { retentionDays?: number; directory?: Directory } = {},
): Promise<TestReporting> {
  const base = await openTestStore(backend);
  const clock = new FakeClock();
  const logLines: string[] = [];
  const logger = createJsonLogger('debug', (line) => logLines.push(line), () => clock.now());
  const directory = options.directory ?? (await demoDirectory());
  const routingTable = defaultRoutingTable();
  const common = { store: base.store, clock, logger };
  const escalator = new Escalator({ ...common, directory });
  return {
    ...base,
    clock,
    directory,
    routingTable,
    logLines,
    logger,
    service: new ReportService({ ...common, directory, routingTable, timeZone: 'Europe/Helsinki', defaultLang: 'sv' }),
    escalator,
    retention: new Retention({ ...common, retentionDays: options.retentionDays ?? 365, dialogTtlHours: 72 }),
    sessions: new DialogSessions({ store: base.store, clock, ttlHours: 72 }),
    relay: (notifier, settings = {}) =>
      new Relay({
        ...common,
        notifier,
        directory,
        settings: { ...TEST_RELAY_SETTINGS, ...settings },
        random: () => 0.5,
        tasks: [{ name: 'escalation', everyMs: 0, run: () => escalator.tick() }],
      }),
  };
}
