import { translator } from '../../../../core/i18n';
import { detailsView } from '../../blocks/reportViews';
import type { SlackDeps } from '../../deps';
import { inModal, type ButtonListener } from './buttonClick';
import { reportStepClick } from './reportStepClick';

/**
 * "Withdraw the report" on the reporter's receipt or in their report's details: the service's withdraw (the
 * same call as the web chat's), which only the reporter of an open report may make; it records the step and
 * queues the news for the recipients and the refresh of every alert copy, delivered at once. The reporter is
 * told privately; a click that no longer applies gets the service's translated explanation and the state.
 * In the details modal the view is redrawn, so its button does not outlive the report.
 */
export function withdrawAction(deps: SlackDeps): ButtonListener {
  return reportStepClick(
    deps,
    (service, reference, personId) => service.withdraw(reference, personId),
    async ({ result, user, service, tell }, { body }) => {
      if (inModal(body) && body.view?.id) {
        await deps.api.updateView(body.view.id, detailsView(await service.view(result.reference, user.person.id), user.lang, deps.bot.config.timeZone));
      } else {
        await tell(translator(user.lang)('teamsParity:withdrawn', { reference: result.reference }));
      }
    },
  );
}
