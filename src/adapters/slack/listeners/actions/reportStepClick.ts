import { translator } from '../../../../core/i18n';
import { isReportError } from '../../../../core/reports/reportErrors';
import type { ActionResult, ReportService } from '../../../../core/reports/service';
import type { SlackDeps } from '../../deps';
import { tellUser } from '../../replies/tellUser';
import type { SlackUser } from '../../slackUsers';
import { inModal, messageRespond, type ButtonClick, type ButtonListener } from './buttonClick';

/** What a step's own ending gets once the service has taken (or, already taken, not repeated) the step. */
export interface StepDone {
  result: ActionResult;
  user: SlackUser & { person: NonNullable<SlackUser['person']> };
  service: ReportService;
  /** Tells the clicking person privately (under the message, or in a modal). */
  tell(sentence: string): Promise<void>;
}

/**
 * A report step clicked in Slack (acknowledge, start handling): the clicking person must be in the
 * directory; the service decides whether they may take the step; a refusal is told privately with the service's
 * translated explanation, and a step that no longer applied (someone else was first) with the report's current
 * state. `done` then says what a taken step needs said or redrawn; due messages (the news for the others and the
 * refresh of every alert copy) are delivered at once.
 */
export function reportStepClick(
  deps: SlackDeps,
  step: (service: ReportService, reference: string, personId: string, click: ButtonClick) => Promise<ActionResult>,
  done: (taken: StepDone, click: ButtonClick) => Promise<void> = async () => {},
): ButtonListener {
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
    let result: ActionResult;
    try {
      result = await step(service, reference, user.person.id, args);
    } catch (err) {
      if (!isReportError(err)) throw err;
      await tell(await service.explainRefusal(err, reference, await service.copyLangFor(reference, user.person)));
      return;
    }
    // Explained in the language of the person's copies of the report, which the click came from.
    if (!result.changed) await tell(await service.describeState(reference, await service.copyLangFor(reference, user.person)));
    else await done({ result, user: user as StepDone['user'], service, tell }, args);
    await bot.deliverDue();
  };
}
