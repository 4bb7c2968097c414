import type { TurnContext } from 'botbuilder';
import { reportListCommand } from '../../../core/conversation/listCommand';
import { translator } from '../../../core/i18n';
import { personalLists } from '../../../core/reports/personalLists';
import { noticeMessage } from '../cards/noticeMessage';
import { reportListCard } from '../cards/reportListCard';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import { replyPrivately } from './privateReply';

/** Reports shown in one list card. */
const LISTED = 30;

/**
 * "mina anmälningar" / "omat ilmoitukset" / "my reports", and "anmälningar till mig" / "minulle osoitetut" /
 * "assigned to me" (the core recognises the words): the list as the core sorts the reports the person may
 * see, sent privately. Returns false when the text is not such a command (it is then a question or a report).
 */
export async function answerListCommand(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps, text: string): Promise<boolean> {
  const list = reportListCommand(text);
  if (!list) return false;
  if (!facts.person) {
    await context.sendActivity(noticeMessage(translator(facts.lang)('teams:notInDirectory')));
    return true;
  }
  const lists = await personalLists(deps.bot.reporting, facts.person, LISTED);
  await replyPrivately(context, facts, deps, reportListCard(list, lists[list], facts.lang, deps.bot.config.timeZone));
  return true;
}
