import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { SLASH_COMMAND } from '../../ids';
import { somebotCommand } from './somebotCommand';

export function register(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, somebotCommand(deps));
}
