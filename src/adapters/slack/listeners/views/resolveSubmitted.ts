import { translator } from '../../../../core/i18n';
import { isReportError, reportErrorMessage } from '../../../../core/reports/reportErrors';
import { readViewState } from '../../blocks/formState';
import type { SlackDeps } from '../../deps';
import { INPUT } from '../../ids';
import { metadataReference } from '../../replies/metadata';
import type { ViewSubmissionListener } from './viewSubmission';

/**
 * The outcome note submitted: the service resolves the report (access-checked) and queues the outcome for
 * the reporter; a refusal or an invalid note shows inline. Then the alerts are redrawn and due messages
 * delivered.
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
      await ack({ response_action: 'errors', errors: { [INPUT.outcome]: reportErrorMessage(err, lang) } });
      return;
    }
    await ack();
    await deps.alerts.refresh(meta.reference);
    await bot.deliverDue();
  };
}
