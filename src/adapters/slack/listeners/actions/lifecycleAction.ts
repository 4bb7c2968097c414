import { translator } from '../../../../core/i18n';
import { isReportError, reportErrorMessage } from '../../../../core/reports/reportErrors';
import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import { tellUser } from '../../replies/tellUser';
import { inModal, messageRespond, type ButtonListener } from './buttonClick';

/**
 * Acknowledge (and Start handling) on an alert: the service checks that the person may handle the report,
 * records the step and queues the message to the reporter; then every Slack alert about the report is
 * updated in place and due messages are delivered at once. A refusal or a step that no longer applies is
 * told to the person privately (and the alert redrawn, since it was out of date).
 */
export function lifecycleAction(deps: SlackDeps): ButtonListener {
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
    try {
      if (action.action_id === ACTION.startProgress) await bot.reporting.service.startProgress(reference, user.person.id);
      else await bot.reporting.service.acknowledge(reference, user.person.id);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await tell(reportErrorMessage(err, user.lang));
      await deps.alerts.refresh(reference);
      return;
    }
    await deps.alerts.refresh(reference);
    await bot.deliverDue();
  };
}
