import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { canTransition, type ReportStatus } from '../../../core/reports/lifecycle';
import type { OutboundMessage } from '../../../core/ports';
import { ALERT_COPY_KINDS } from '../../../core/delivery/messageKinds';
import { MAX_OUTCOME_NOTE } from '../../../core/reports/service';
import { submitAction, type CardElement } from './adaptiveCard';
import { CARD_ACTION, DETAILS_CARD, OUTCOME_INPUT_ID } from './cardActions';

/**
 * "Resolve …": opens, inside the card, a text box for the outcome note and the button that sends it (the
 * service refuses an empty or too long note with a translated sentence). Offered only while the core's
 * lifecycle lets the report be resolved.
 */
export function resolveAction(reference: string, lang: UiLang, from?: typeof DETAILS_CARD): CardElement {
  const t = translator(lang);
  return {
    type: 'Action.ShowCard',
    title: t('teamsParity:action.resolve'),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: OUTCOME_INPUT_ID,
          label: t('teamsParity:resolve.label'),
          placeholder: t('teamsParity:resolve.placeholder'),
          isMultiline: true,
          isRequired: true,
          errorMessage: t('teams:form.required'),
          maxLength: MAX_OUTCOME_NOTE,
        },
      ],
      actions: [submitAction(t('teamsParity:action.resolveSubmit'), { action: CARD_ACTION.resolve, reference, ...(from ? { from } : {}) }, { validateInputs: true, style: 'positive' })],
    },
  };
}

/** "Details": the full report as a card (the service checks access and records the view when pressed). */
export function detailsAction(reference: string, lang: UiLang): CardElement {
  return submitAction(translator(lang)('teamsParity:action.details'), { action: CARD_ACTION.details, reference });
}

/** The handling actions a report in `status` offers besides the core's own step buttons. */
export function handlingActions(reference: string, status: ReportStatus, lang: UiLang): CardElement[] {
  return [...(canTransition(status, 'resolve') ? [resolveAction(reference, lang)] : []), detailsAction(reference, lang)];
}

/**
 * What an alert copy adds to the core's buttons: Resolve while the report may be resolved, and Details.
 * Each copy is rendered for its own addressee from the report as it is now, so a refreshed copy keeps only
 * what still applies (after resolve or withdraw: Details only). Other messages get nothing.
 */
export function alertHandlingActions(message: OutboundMessage): CardElement[] {
  const report = message.report;
  if (!report || !ALERT_COPY_KINDS.includes(message.kind)) return [];
  return handlingActions(report.reference, report.status, message.lang);
}
