import type { AuthorizeResult } from '@slack/bolt';
import type { Logger } from '../../../core/logger';
import { errorFields } from '../../../core/logger';
import type { WebClient } from '../slackTypes';

/**
 * Who the bot is on Slack (auth.test: its user id and bot id, which Bolt needs to ignore the bot's own
 * messages). Asked once and remembered; a failed check (Slack unreachable, token refused) is not
 * remembered, so the next event asks again instead of every event failing until a restart — and it never
 * brings the process down (Bolt's own token check at start-up would leave an unhandled rejection).
 *
 * One workspace: a request whose team_id is not the configured workspace (SLACK_TEAM_ID, else the one the
 * bot token belongs to, from auth.test) is refused — Bolt then calls no listener and only acknowledges it.
 */
export class BotIdentity {
  private known: Promise<{ botId: string; botUserId: string; teamId?: string }> | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly botToken: string,
    private readonly logger: Logger,
    /** SLACK_TEAM_ID, when set: the only workspace served. */
    private readonly teamId?: string,
  ) {}

  /** Bolt's `authorize`: the token and identity for a request from the bot's workspace; throws for any other. */
  readonly authorize = async (source: { teamId?: string; enterpriseId?: string }): Promise<AuthorizeResult> => {
    const identity = await this.identity();
    const expected = this.teamId ?? identity.teamId;
    if (expected !== undefined && source.teamId !== expected) {
      this.logger.warn('slack_team_refused', { teamId: source.teamId ?? '', expected });
      throw new Error(`requests from team ${source.teamId ?? '(none)'} are not served: this bot serves ${expected}`);
    }
    return { botToken: this.botToken, ...identity };
  };

  /** Checks the token now (at start-up), logging the outcome; never throws. */
  async check(): Promise<boolean> {
    try {
      const identity = await this.identity();
      if (this.teamId && identity.teamId && identity.teamId !== this.teamId) {
        this.logger.error('slack_team_mismatch', { configured: this.teamId, token: identity.teamId });
      }
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
