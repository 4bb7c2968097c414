import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps';
import { register as registerActions } from './actions';
import { register as registerCommands } from './commands';
import { register as registerEvents } from './events';
import { register as registerShortcuts } from './shortcuts';
import { register as registerViews } from './views';

/** Registers every listener, kind by kind (each kind's index lists its listeners, one per file). */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
}
