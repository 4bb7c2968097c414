import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { personalLists, type PersonalLists } from '../../../../core/reports/personalLists';
import { homeView } from '../../blocks/homeView';
import type { SlackDeps } from '../../deps';

/** Reports read for the two lists of App Home. */
const LISTED = 50;

/**
 * App Home opened (event `app_home_opened`, tab `home`): publishes the home view with the person's own
 * reports and those assigned to them, as the core sorts them (personalLists).
 */
export function appHomeOpened(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event }) => {
    if (event.tab !== 'home') return;
    const { bot } = deps;
    const user = await deps.users.identify(event.user);
    const { mine, assigned }: PersonalLists = user.person ? await personalLists(bot.reporting, user.person, LISTED) : { mine: [], assigned: [] };
    await deps.api.publishHome(
      event.user,
      homeView({ lang: user.lang, timeZone: bot.config.timeZone, inDirectory: user.person !== undefined, mine, assigned }),
    );
  };
}
