import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';

/** Why the Slack channel refuses to start. Each has a translated sentence: slack:setup.<code>. */
export enum SlackSetupErrorCode {
  BotTokenMissing = 'slack_bot_token_missing',
  BotTokenInvalid = 'slack_bot_token_invalid',
  SigningSecretMissing = 'slack_signing_secret_missing',
  AppTokenInvalid = 'slack_app_token_invalid',
}

/**
 * A Slack configuration that cannot work (e.g. HTTP mode without a signing secret, which would leave every
 * request unverifiable). Thrown at start-up, before anything listens. The message is the English sentence
 * for the operator's log; slackSetupErrorMessage() gives it in another language. It never holds a secret.
 */
export class SlackSetupError extends Error {
  override readonly name = 'SlackSetupError';
  constructor(readonly code: SlackSetupErrorCode) {
    super(translator('en')(`slack:setup.${code}`));
  }
}

export function isSlackSetupError(value: unknown): value is SlackSetupError {
  return value instanceof SlackSetupError;
}

export function slackSetupErrorMessage(err: SlackSetupError, lang: UiLang): string {
  return translator(lang)(`slack:setup.${err.code}`);
}
