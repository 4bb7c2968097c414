import { translator } from '../../../../core/i18n';
import { isReportError } from '../../../../core/reports/reportErrors';
import { readViewState } from '../../blocks/formState';
import type { SlackDeps } from '../../deps';
import { INPUT } from '../../ids';
import { metadataReference } from '../../replies/metadata';
import type { ViewSubmissionListener } from './viewSubmission';

/**
 * The outcome note submitted: the service resolves the report (access-checked) and queues the outcome for
 * the reporter and the redrawing of every alert copy; a refusal or an invalid note shows inline (for a report
 * that moved on meanwhile, with its current state). Then due messages are delivered at once.
 */
export function resolveSubmitted(deps: SlackDeps): ViewSubmissionListener {
  return async ({ ack, body, view }) => {
    const { bot } = deps;
    const meta = metadataReference(view.private_metadata);
    const lang = meta?.lang ?? bot.config.defaultLang;
    const person = await bot.reporting.directory.findByIdentity('slack', body.user.id);
    if (!meta || !person) {
      await ack({ response_action: 'errors', errors: { [INPUT.outcome]: translator(lang)('slack:alert.notInDirectory') } });
      return;
    }
    const note = readViewState(view.state.values)[INPUT.outcome];
    try {
      await bot.reporting.service.resolve(meta.reference, person.id, typeof note === 'string' ? note : '');
    } catch (err) {
      if (!isReportError(err)) throw err;
      const sentence = await bot.reporting.service.explainRefusal(err, meta.reference, lang);
      await ack({ response_action: 'errors', errors: { [INPUT.outcome]: sentence } });
      return;
    }
    await ack();
    await bot.deliverDue();
  };
}
