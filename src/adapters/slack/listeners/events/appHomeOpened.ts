import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { viewAccess } from '../../../../core/reports/access';
import type { ReportSummary } from '../../../../core/reports/records';
import { homeView } from '../../blocks/homeView';
import type { SlackDeps } from '../../deps';

/** Reports read for the two lists of App Home. */
const LISTED = 50;

/**
 * App Home opened (event `app_home_opened`, tab `home`): publishes the home view with the person's own
 * reports and those assigned to them. The service lists what the person may see; the core's access rules
 * tell which of those they made and which they receive.
 */
export function appHomeOpened(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event }) => {
    if (event.tab !== 'home') return;
    const { bot } = deps;
    const user = await deps.users.identify(event.user);
    const mine: ReportSummary[] = [];
    const assigned: ReportSummary[] = [];
    if (user.person) {
      for (const summary of await bot.reporting.service.list(user.person.id, { limit: LISTED })) {
        const report = await bot.reporting.store.getReport(summary.reference);
        const access = report ? viewAccess(report, user.person) : undefined;
        if (access === 'reporter') mine.push(summary);
        else if (access) assigned.push(summary);
      }
    }
    await deps.api.publishHome(
      event.user,
      homeView({ lang: user.lang, timeZone: bot.config.timeZone, inDirectory: user.person !== undefined, mine, assigned }),
    );
  };
}
