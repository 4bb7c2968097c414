import { translator } from '../../../../core/i18n';
import { isReportError } from '../../../../core/reports/reportErrors';
import { detailsView } from '../../blocks/reportViews';
import type { SlackDeps } from '../../deps';
import { tellUser } from '../../replies/tellUser';
import { inModal, messageRespond, type ButtonListener } from './buttonClick';

/**
 * "Withdraw the report" on the reporter's receipt or in their report's details: the service's withdraw (the
 * same call as the web chat's), which only the reporter of an open report may make; it records the step and
 * queues the news for the recipients and the refresh of every alert copy, delivered at once. The reporter is
 * told privately; a click that no longer applies gets the service's translated explanation and the state.
 * In the details modal the view is redrawn, so its button does not outlive the report.
 */
export function withdrawAction(deps: SlackDeps): ButtonListener {
  return async (args) => {
    const { ack, body, action } = args;
    await ack();
    const { bot } = deps;
    const reference = action.value ?? '';
    const user = await deps.users.identify(body.user.id);
    const respond = messageRespond(args);
    const tell = (sentence: string) =>
      tellUser(deps, { lang: user.lang, sentence, ...(respond ? { respond } : {}), triggerId: body.trigger_id, inModal: inModal(body) });
    if (!user.person) {
      await tell(translator(user.lang)('slack:alert.notInDirectory'));
      return;
    }
    const service = bot.reporting.service;
    let result;
    try {
      result = await service.withdraw(reference, user.person.id);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await tell(await service.explainRefusal(err, reference, user.lang));
      return;
    }
    if (!result.changed) await tell(await service.describeState(reference, user.lang));
    else if (inModal(body) && body.view?.id) await deps.api.updateView(body.view.id, detailsView(await service.view(reference, user.person.id), user.lang, bot.config.timeZone));
    else await tell(translator(user.lang)('teamsParity:withdrawn', { reference: result.reference }));
    await bot.deliverDue();
  };
}
