import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { appHomeOpened } from './appHomeOpened';
import { appMention } from './appMention';
import { directMessage } from './directMessage';

/** Events API listeners (the manifest subscribes to exactly these bot events). */
export const BOT_EVENTS = ['message.im', 'app_mention', 'app_home_opened'] as const;

export function register(app: App, deps: SlackDeps): void {
  app.event('message', directMessage(deps));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
