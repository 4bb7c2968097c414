import type { AuthorizeResult } from '@slack/bolt';
import type { Logger } from '../../../core/logger';
import { errorFields } from '../../../core/logger';
import type { WebClient } from '../slackTypes';

/**
 * Who the bot is on Slack (auth.test: its user id and bot id, which Bolt needs to ignore the bot's own
 * messages). Asked once and remembered; a failed check (Slack unreachable, token refused) is not
 * remembered, so the next event asks again instead of every event failing until a restart — and it never
 * brings the process down (Bolt's own token check at start-up would leave an unhandled rejection).
 */
export class BotIdentity {
  private known: Promise<{ botId: string; botUserId: string; teamId?: string }> | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly botToken: string,
    private readonly logger: Logger,
  ) {}

  /** Bolt's `authorize`: the token and identity for every incoming request (one workspace). */
  readonly authorize = async (): Promise<AuthorizeResult> => ({ botToken: this.botToken, ...(await this.identity()) });

  /** Checks the token now (at start-up), logging the outcome; never throws. */
  async check(): Promise<boolean> {
    try {
      await this.identity();
      return true;
    } catch (err) {
      this.logger.error('slack_auth_failed', errorFields(err));
      return false;
    }
  }

  private identity(): Promise<{ botId: string; botUserId: string; teamId?: string }> {
    this.known ??= this.client.auth.test().then(
      (result) => ({ botId: result.bot_id ?? '', botUserId: result.user_id ?? '', ...(result.team_id ? { teamId: result.team_id } : {}) }),
      (err: unknown) => {
        this.known = undefined;
        throw err;
      },
    );
    return this.known;
  }
}
