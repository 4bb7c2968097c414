import { translator } from '../../../../core/i18n';
import { isReportError, reportErrorMessage } from '../../../../core/reports/reportErrors';
import { noticeView } from '../../blocks/modal';
import { detailsView } from '../../blocks/reportViews';
import type { ModalView } from '../../slackTypes';
import type { SlackDeps } from '../../deps';
import { inModal, type ButtonListener } from './buttonClick';

/**
 * "Details": the full report in a modal, only for those the service lets see it (it checks and records every
 * view, refusals included); anyone else gets the service's translated refusal.
 */
export function showDetails(deps: SlackDeps): ButtonListener {
  return async ({ ack, body, action }) => {
    await ack();
    const { bot } = deps;
    const user = await deps.users.identify(body.user.id);
    let view: ModalView;
    if (!user.person) view = noticeView(user.lang, translator(user.lang)('slack:alert.notInDirectory'));
    else {
      try {
        view = detailsView(await bot.reporting.service.view(action.value ?? '', user.person.id), user.lang, bot.config.timeZone);
      } catch (err) {
        if (!isReportError(err)) throw err;
        view = noticeView(user.lang, reportErrorMessage(err, user.lang));
      }
    }
    await (inModal(body) ? deps.api.pushView(body.trigger_id, view) : deps.api.openView(body.trigger_id, view));
  };
}
