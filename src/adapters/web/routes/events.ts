import type { Router } from 'express';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/** GET events?person=ID: the live stream (Server-Sent Events) of one person's page. */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.events,
    handler(ctx, async (req, res) => {
      const person = await ctx.identity.personOf(req);
      ctx.hub.open(person.id, res);
    }),
  );
}
