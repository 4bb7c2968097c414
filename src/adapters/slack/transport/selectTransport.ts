import type { Config } from '../../../config';
import { SlackSetupError, SlackSetupErrorCode } from './slackSetupError';

/** How Slack reaches the bot. */
export type SlackTransport =
  | { kind: 'off' }
  /** Events API over HTTP: Slack posts signed requests to POST /slack/events on the bot's server. */
  | { kind: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  /** Socket Mode: the bot opens a WebSocket to Slack (no public URL needed); no HTTP route. */
  | { kind: 'socket'; botToken: string; appToken: string; apiUrl?: string };

/**
 * Chooses the transport from the Slack settings:
 * - nothing set: Slack is off;
 * - SLACK_APP_TOKEN set: Socket Mode (needs SLACK_BOT_TOKEN);
 * - otherwise HTTP, which needs SLACK_BOT_TOKEN and a non-empty SLACK_SIGNING_SECRET: without it no request
 *   could be verified, so start-up is refused rather than accepting unsigned requests.
 * Throws SlackSetupError naming what is missing or malformed.
 */
export function selectSlackTransport(settings: Config['slack']): SlackTransport {
  const botToken = settings.botToken?.trim();
  const signingSecret = settings.signingSecret?.trim();
  const appToken = settings.appToken?.trim();
  if (!botToken && !signingSecret && !appToken) return { kind: 'off' };
  if (!botToken) throw new SlackSetupError(SlackSetupErrorCode.BotTokenMissing);
  if (!botToken.startsWith('xoxb-')) throw new SlackSetupError(SlackSetupErrorCode.BotTokenInvalid);
  const apiUrl = settings.apiUrl ? { apiUrl: settings.apiUrl } : {};
  if (appToken) {
    if (!appToken.startsWith('xapp-')) throw new SlackSetupError(SlackSetupErrorCode.AppTokenInvalid);
    return { kind: 'socket', botToken, appToken, ...apiUrl };
  }
  if (!signingSecret) throw new SlackSetupError(SlackSetupErrorCode.SigningSecretMissing);
  return { kind: 'http', botToken, signingSecret, ...apiUrl };
}
