import { translator } from '../../../../core/i18n';
import { isReportError } from '../../../../core/reports/reportErrors';
import type { SlackDeps } from '../../deps';
import { ACTION } from '../../ids';
import { tellUser } from '../../replies/tellUser';
import { inModal, messageRespond, type ButtonListener } from './buttonClick';

/**
 * Acknowledge (and Start handling) on an alert: the service checks that the person may handle the report,
 * records the step and queues the message to the reporter and a refresh of every alert copy on every door;
 * due messages are then delivered at once. A refusal or a step that no longer applies is told to the person
 * privately, with the report's current state (the copy they clicked is redrawn by the core's refresh).
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
    const service = bot.reporting.service;
    let result;
    try {
      if (action.action_id === ACTION.startProgress) result = await service.startProgress(reference, user.person.id);
      else result = await service.acknowledge(reference, user.person.id);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await tell(await service.explainRefusal(err, reference, user.lang));
      return;
    }
    // A button that no longer applied (someone else was first): say what the report's state is now.
    if (!result.changed) await tell(await service.describeState(reference, user.lang));
    await bot.deliverDue();
  };
}
