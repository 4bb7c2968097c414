import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { SHORTCUT } from '../../ids';
import { reportMessage } from './reportMessage';

export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT.reportMessage, type: 'message_action' }, reportMessage(deps));
}
