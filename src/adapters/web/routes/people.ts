import type { Router } from 'express';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { handler } from './handler';

/**
 * GET people: the directory, for the "Who are you?" picker: id, name, title, roles, language; and who to
 * preselect (the first plain employee with a manager, as in the terminal chat).
 */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.people,
    handler(ctx, async (_req, res) => {
      const people = await ctx.bot.reporting.directory.all();
      const preselected = people.find((p) => p.roles.length === 1 && p.roles[0] === 'employee' && p.managerId) ?? people[0];
      res.json({
        people: people.map((p) => ({ id: p.id, name: p.name, title: p.title ?? '', roles: p.roles, lang: p.lang ?? null })),
        preselected: preselected?.id ?? null,
      });
    }),
  );
}
