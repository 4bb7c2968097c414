import type { Bot } from '../../app/bot';
import type { Logger } from '../../core/logger';
import type { SlackApi } from './slackApi';
import type { SlackUsers } from './slackUsers';

/** What every listener gets: the bot's core, and the Slack pieces around it. */
export interface SlackDeps {
  bot: Bot;
  /** Web API calls for listeners (a 429 waits Retry-After and retries; posts paced per channel). */
  api: SlackApi;
  users: SlackUsers;
  logger: Logger;
}
