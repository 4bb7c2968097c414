import type { Clock, Store } from '../ports';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { actorString, SYSTEM_ACTOR } from './actor';
import { refreshRows } from './alertRefresh';
import type { PurgeCandidate } from './records';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /** Personal content is removed this many days after a report closed (resolved or withdrawn). */
  retentionDays: number;
  /** Unfinished dialogs are forgotten this many hours after their last message. */
  dialogTtlHours: number;
}

/** What a purge removed (or, dry, would remove). */
export interface PurgeResult {
  reports: PurgeCandidate[];
  dialogs: number;
  /** Questions kept for content owners whose time was up (SOMEBOT_UNANSWERED_KEEP_DAYS). */
  questions: number;
}

/**
 * The retention rule: `retentionDays` after closure a report loses its personal content (description,
 * evidence, outcome note, reporter, recipients' identities) and its timeline; a minimal record remains
 * (reference, category, dates, status, recipients' roles) with one 'purged' timeline entry, and every alert copy
 * already delivered is redrawn in place without the content (then its outbox row goes too). Open reports
 * are kept however old: they still need handling. Unfinished dialog states expire after `dialogTtlHours`;
 * questions kept for content owners when their own time is up.
 */
export class Retention {
  private readonly logger: Logger;

  constructor(private readonly deps: RetentionDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** Closed reports whose retention period is over. */
  candidates(): Promise<PurgeCandidate[]> {
    return this.deps.store.purgeCandidates(this.cutoff());
  }

  /** Purges every candidate (each in its own transaction) and expired dialogs; `dryRun` only lists them. */
  async purge(options: { dryRun?: boolean } = {}): Promise<PurgeResult> {
    const { store, clock } = this.deps;
    const candidates = await this.candidates();
    if (options.dryRun) return { reports: candidates, dialogs: 0, questions: 0 };
    const purged: PurgeCandidate[] = [];
    for (const candidate of candidates) {
      const done = await store.transaction(async (tx) => {
        const report = await tx.getReport(candidate.reference, { lock: true });
        if (!report || report.purgedAt || !report.closedAt || report.closedAt >= this.cutoff()) return false;
        const at = clock.now();
        await tx.purgeReport(candidate.reference, at);
        await tx.appendTimeline({
          reference: candidate.reference,
          at,
          actor: actorString(SYSTEM_ACTOR),
          event: 'purged',
          details: { retentionDays: this.deps.retentionDays },
        });
        // Every copy on every door is redrawn without the report's content; the rows go once that is done.
        await tx.enqueue(await refreshRows(tx, candidate.reference, at, 'purged'));
        return true;
      });
      if (done) purged.push(candidate);
    }
    await store.dropPurgedOutbox();
    const dialogs = await store.purgeDialogs(new Date(clock.now().getTime() - this.deps.dialogTtlHours * 60 * 60 * 1000));
    const questions = await store.purgeQuestionLog(clock.now());
    if (purged.length > 0 || dialogs > 0 || questions > 0) this.logger.info('retention_purged', { reports: purged.length, dialogs, questions });
    return { reports: purged, dialogs, questions };
  }

  private cutoff(): Date {
    return new Date(this.deps.clock.now().getTime() - this.deps.retentionDays * DAY_MS);
  }
}
