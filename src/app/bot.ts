import type { Config } from '../config';
import { systemClock } from '../core/clock';
import { Conversation, type ConversationSession } from '../core/conversation/conversation';
import { DEFAULT_ANSWER_POLICY } from '../core/guidelines/guidelineAnswerer';
import type { Relay } from '../core/delivery/relay';
import { PlatformNotifier } from '../core/delivery/platformNotifier';
import { createJsonLogger, type Logger } from '../core/logger';
import { DialogSessions } from '../core/reports/dialogSessions';
import type { Clock } from '../core/ports';
import { openReporting, type Reporting } from '../reporting';
import { createGuidelineRuntime, teachRuntime, type GuidelineRuntime } from './guidelineRuntime';
import { QuestionLog } from '../core/content/questionLog';
import { ContentReloader } from '../core/content/contentReloader';
import { ContentOwners } from '../core/content/contentOwners';

/**
 * The whole bot, independent of how people reach it: guideline answers, reporting, the conversation, and
 * one relay that delivers alerts through whichever platforms are registered on `notifier`.
 */
export interface Bot {
  config: Config;
  logger: Logger;
  clock: Clock;
  guidelines: GuidelineRuntime;
  reporting: Reporting;
  conversation: Conversation;
  /** Questions kept without names for content owners, and verdicts on answers. */
  questionLog: QuestionLog;
  /** Applies what content owners taught (now, and whenever it changes) without a restart. */
  startContentReload(): Promise<void>;
  /** Applies what was taught now, without waiting for the next poll (after a teaching in this process). */
  reloadContent(): Promise<void>;
  /** Review, teach, list and undo for content owners, on the index in use. */
  contentOwners: ContentOwners;
  /** Register each platform's notifier here before `startRelay`. */
  notifier: PlatformNotifier;
  startRelay(): void;
  /** Delivers what is due now, without waiting for the relay's next poll. */
  deliverDue(): Promise<void>;
  /** Stops the relay (finishing deliveries in flight) and closes the store. */
  close(): Promise<void>;
}

/** Creates and wires the bot (composition root; no logic). */
export async function createBot(config: Config, options: { logger?: Logger; clock?: Clock } = {}): Promise<Bot> {
  const logger = options.logger ?? createJsonLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const guidelines = createGuidelineRuntime({
    contentDir: config.guidelines.contentDir,
    indexFile: config.guidelines.indexFile,
    contact: config.guidelines.contact,
    answerThreshold: config.guidelines.answerThreshold ?? DEFAULT_ANSWER_POLICY.inScope.minCoverage,
    ...(config.guidelines.organisation ? { organisation: config.guidelines.organisation } : {}),
  });
  const reporting = await openReporting(config, { logger, clock });
  const questionLog = new QuestionLog({ store: reporting.store, clock, classifier: () => guidelines.classifier, keepDays: config.unansweredKeepDays });
  const reloader = new ContentReloader({
    store: reporting.store,
    logger,
    pollMs: config.contentPollMs,
    apply: (learned) => teachRuntime(guidelines, learned),
  });
  const conversation = new Conversation({
    questionLog,
    answerer: guidelines.answerer,
    clock,
    timeZone: config.timeZone,
    reporting: {
      service: reporting.service,
      sessions: new DialogSessions<ConversationSession>({ store: reporting.store, clock, ttlHours: config.dialogTtlHours }),
      directory: reporting.directory,
      routingTable: reporting.routingTable,
    },
  });
  const notifier = new PlatformNotifier();
  let relay: Relay | undefined;
  return {
    config,
    logger,
    clock,
    guidelines,
    reporting,
    conversation,
    questionLog,
    notifier,
    startContentReload: () => reloader.start(),
    reloadContent: () => reloader.check(),
    contentOwners: new ContentOwners({ store: reporting.store, clock, index: () => guidelines.index }),
    startRelay() {
      relay ??= reporting.createRelay(notifier);
      relay.start();
    },
    async deliverDue() {
      await relay?.runOnce();
    },
    async close() {
      reloader.stop();
      await relay?.stop();
      await reporting.close();
    },
  };
}
