import type { Router } from 'express';
import type { Person } from '../../../core/ports';
import { API } from '../paths';
import type { WebContext } from '../webContext';
import { handler } from './handler';

const entry = (p: Person) => ({ id: p.id, name: p.name, title: p.title ?? '', roles: p.roles, lang: p.lang ?? null });

/**
 * GET people: for the demo's "Who are you?" picker, the directory (id, name, title, roles, language) and
 * who to preselect (the first plain employee with a manager, as in the terminal chat). With sign-in there
 * is no picker: the same reply lists only the signed-in person, preselected (with `admin: true` for a
 * console administrator, SOMEBOT_CONSOLE_ADMINS).
 */
export function register(router: Router, ctx: WebContext): void {
  router.get(
    API.people,
    handler(ctx, async (req, res) => {
      if (!ctx.identity.picker) {
        const me = await ctx.identity.personOf(req);
        res.set('Cache-Control', 'no-store').json({ people: [{ ...entry(me), admin: ctx.identity.isAdmin(me.id) }], preselected: me.id });
        return;
      }
      const people = await ctx.bot.reporting.directory.all();
      const preselected = people.find((p) => p.roles.length === 1 && p.roles[0] === 'employee' && p.managerId) ?? people[0];
      res.json({ people: people.map(entry), preselected: preselected?.id ?? null });
    }),
  );
}
