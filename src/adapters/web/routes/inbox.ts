import type { Router } from 'express';
import { personOf } from '../identity';
import { loadInbox } from '../inbox';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/** GET inbox: the messages the web chat delivered to this person, newest first, as HTML. */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.inbox,
    handler(ctx, async (req, res) => {
      const person = await personOf(req, ctx.bot.reporting.directory);
      res.set('Cache-Control', 'no-store').json({ items: await loadInbox(ctx, person) });
    }),
  );
}
