import type { Router } from 'express';
import type { WebContext } from '../webContext';
import { register as events } from './events';
import { register as exportReports } from './exportReports';
import { register as feedback } from './feedback';
import { register as inbox } from './inbox';
import { register as messages } from './messages';
import { register as people } from './people';
import { register as reportActions } from './reportActions';
import { register as reports } from './reports';
import { register as texts } from './texts';

/** Every JSON route of the web chat (one per file), registered on the API router. */
export function registerApiRoutes(router: Router, ctx: WebContext): void {
  for (const register of [people, texts, messages, feedback, inbox, reports, reportActions, exportReports, events]) register(router, ctx);
}

export { register as registerPage } from './page';
