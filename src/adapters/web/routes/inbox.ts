import type { Router } from 'express';
import { loadInbox } from '../inbox';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/** GET inbox: the messages the web chat delivered to this person, newest first, as HTML. */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.inbox,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      res.set('Cache-Control', 'no-store').json({ items: await loadInbox(ctx, person) });
    }),
  );
}
