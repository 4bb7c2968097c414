import type { Activity } from 'botbuilder';
import { translator } from '../../../core/i18n';
import type { OutboundMessage } from '../../../core/ports';
import { alertHandlingActions } from './alertActions';
import { adaptiveCard, cardMessage, factSet, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { fitCard } from './cardSize';
import { plainTextLines } from './plainText';

/**
 * A message from the outbox (alert, reminder, escalation, news for the reporter, delivery failure) as a
 * card: the subject, the report's current status and reference, the core's complete text, and the core's
 * buttons (e.g. Acknowledge). Re-rendered with the new status when the report changes, and then replaces
 * the card in place. `acknowledgedBy` names who took the report.
 */
export function alertCard(message: OutboundMessage, extra: { acknowledgedBy?: string } = {}): Partial<Activity> {
  const t = translator(message.lang);
  const report = message.report;
  const body: CardElement[] = [
    textBlock(message.subject, { weight: 'bolder', size: 'medium', ...(report?.urgency === 'immediate' ? { color: 'attention' as const } : {}) }),
  ];
  if (report) {
    const status = t(`notifications:status.${report.status}`);
    body.push(
      factSet([
        { title: t('teams:card.reference'), value: report.reference },
        { title: t('teams:card.status'), value: extra.acknowledgedBy ? t('teams:card.statusBy', { status, name: extra.acknowledgedBy }) : status },
      ]),
    );
  }
  // The state line ("… resolved this at 14:32") is part of the core's text, just below the subject; reporter text
  // is plain TextRuns, never read as Markdown.
  body.push(...plainTextLines(message.text, { spacing: 'medium' }));
  const actions = message.actions.map((a) => submitAction(a.label, { action: a.id, reference: a.reference }, { style: 'positive' }));
  actions.push(...alertHandlingActions(message));
  return cardMessage(fitCard(adaptiveCard(body, actions), t('dialog:teams.shortened')), message.subject);
}
