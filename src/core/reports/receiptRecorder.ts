import type { Clock, OutboundMessage, StoreTx } from '../ports';
import type { Platform } from '../directory/directory';
import type { Logger } from '../logger';
import { errorFields, silentLogger } from '../logger';
import { retryDelayMs } from '../delivery/backoff';
import { ReportError, ReportErrorCode } from './reportErrors';
import type { ReportService } from './service';

/** A reporter's receipt a door has shown, whose copy is to be recorded (ReportService.recordReceiptCopy). */
export interface ShownReceipt {
  /** The copy the door rendered (ReportService.receiptCopy). */
  copy: OutboundMessage;
  door: Platform;
  /** The platform message that shows it (Slack ts, Teams activity id). */
  shownAs: string;
  /** Writes the door's own record of the shown message under the copy's key, in the same transaction. */
  where?: (tx: StoreTx, key: string) => Promise<unknown>;
}

export interface ReceiptRecorderSettings {
  /** Ceiling of the first wait before trying again; doubles per failure (full jitter). */
  baseDelayMs: number;
  /** Ceiling of one wait. */
  maxDelayMs: number;
  /** Receipts kept waiting at most; beyond that the oldest is given up (logged). */
  maxPending: number;
  /** A receipt still unrecorded this long after it was shown is given up (logged). */
  giveUpAfterMs: number;
}

export const RECEIPT_RECORDER_SETTINGS: ReceiptRecorderSettings = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxPending: 1_000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
};

interface Waiting {
  shown: ShownReceipt;
  since: number;
  failures: number;
  dueAt: number;
}

/**
 * Records the reporter's receipt copies, also when the store is away at the moment a door showed one: the
 * receipt is then kept in this process and recorded by `retryDue` (run by the relay on every pass) once the
 * store answers, with backoff, oldest first. Recording compares what the receipt showed with the report now
 * and queues its redraw in the same transaction, so a report changed meanwhile redraws the receipt on that
 * same relay pass. Nothing is sent here: the receipt is never shown twice, and recording twice is a no-op.
 * Bounded (maxPending, giveUpAfterMs); kept in memory only, so a receipt waiting when the process stops is
 * not redrawn later (a click on it still gets the current state). Logs hold references and codes only.
 */
export class ReceiptRecorder {
  private readonly waiting: Waiting[] = [];
  private retrying = false;
  private readonly logger: Logger;
  private readonly settings: ReceiptRecorderSettings;

  constructor(
    private readonly deps: {
      service: Pick<ReportService, 'recordReceiptCopy'>;
      clock: Clock;
      logger?: Logger;
      settings?: Partial<ReceiptRecorderSettings>;
      /** Source of jitter (tests pass a fixed one). */
      random?: () => number;
    },
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.settings = { ...RECEIPT_RECORDER_SETTINGS, ...deps.settings };
  }

  /** How many shown receipts wait to be recorded. */
  get pending(): number {
    return this.waiting.length;
  }

  /**
   * Records the shown receipt now; when the store fails, keeps it to record later ('deferred'). Never throws:
   * the receipt was shown all the same.
   */
  async record(shown: ShownReceipt): Promise<'recorded' | 'deferred' | 'failed'> {
    const now = this.deps.clock.now().getTime();
    const entry: Waiting = { shown, since: now, failures: 0, dueAt: now };
    const outcome = await this.attempt(entry);
    if (outcome !== 'unavailable') return outcome;
    if (this.waiting.length >= this.settings.maxPending) {
      const dropped = this.waiting.shift()!;
      this.logger.error('receipt_record_given_up', { ...fieldsOf(dropped), reason: 'too_many_waiting' });
    }
    this.waiting.push(entry);
    this.logger.warn('receipt_record_deferred', { ...fieldsOf(entry), dueInMs: entry.dueAt - now });
    return 'deferred';
  }

  /**
   * Tries the waiting receipts that are due, oldest first, and stops at the first the store still refuses
   * (one failing call per pass while it is away). Returns how many were recorded. Passes never overlap.
   */
  async retryDue(): Promise<number> {
    if (this.retrying || this.waiting.length === 0) return 0;
    this.retrying = true;
    let recorded = 0;
    try {
      for (const entry of [...this.waiting]) {
        const now = this.deps.clock.now().getTime();
        if (now - entry.since > this.settings.giveUpAfterMs) {
          this.forget(entry);
          this.logger.error('receipt_record_given_up', { ...fieldsOf(entry), reason: 'too_old' });
          continue;
        }
        if (entry.dueAt > now) continue;
        const outcome = await this.attempt(entry);
        if (outcome === 'unavailable') break;
        this.forget(entry);
        if (outcome === 'recorded') {
          recorded++;
          this.logger.info('receipt_recorded_later', fieldsOf(entry));
        }
      }
    } finally {
      this.retrying = false;
    }
    return recorded;
  }

  /** One try; on a store failure the entry's next try is scheduled. */
  private async attempt(entry: Waiting): Promise<'recorded' | 'failed' | 'unavailable'> {
    const { copy, door, shownAs, where } = entry.shown;
    try {
      await this.deps.service.recordReceiptCopy(copy, door, shownAs, where);
      return 'recorded';
    } catch (err) {
      if (err instanceof ReportError && err.code !== ReportErrorCode.Unavailable) {
        this.logger.warn('receipt_record_failed', { ...fieldsOf(entry), ...errorFields(err) });
        return 'failed';
      }
      entry.failures++;
      entry.dueAt = this.deps.clock.now().getTime() + retryDelayMs(entry.failures, this.settings, this.deps.random);
      return 'unavailable';
    }
  }

  private forget(entry: Waiting): void {
    const at = this.waiting.indexOf(entry);
    if (at >= 0) this.waiting.splice(at, 1);
  }
}

function fieldsOf(entry: Waiting) {
  return { reference: entry.shown.copy.report?.reference ?? null, door: entry.shown.door, failures: entry.failures };
}
