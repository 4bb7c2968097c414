import type { Button, KnownBlock } from '../slackTypes';
import type { MessageKind } from '../../../core/delivery/messageKinds';
import { translator } from '../../../core/i18n';
import type { OutboundMessage } from '../../../core/ports';
import { canTransition } from '../../../core/reports/lifecycle';
import { ACTION } from '../ids';
import type { SlackMessageBody } from './answerBlocks';
import { escapeMrkdwn, fallbackText, LIMIT, mrkdwn, plain, quoteMrkdwn, truncate } from './text';
import { fitBlocks } from './messageLimits';
import { textBlocks } from './textBlocks';
import { ruleSourceLine } from '../../../core/reports/ruleSource';

/** Message kinds that carry the report itself: they get the report's facts and the buttons, and are updated in place. */
export const ALERT_KINDS: readonly MessageKind[] = ['report_alert', 'ack_reminder', 'escalation_alert'];

/** How much of "what happened" the alert shows; Details shows everything. */
const SUMMARY_CHARS = 600;
const MAX_LINKS = 5;

/** Facts the message itself does not carry, known when an alert is redrawn after a status change. */
export interface AlertState {
  /** Name of whoever acknowledged the report. */
  acknowledgedBy?: string;
}

/**
 * An outbox message in Block Kit. Alerts (new report, reminder, escalation) show what the recipient needs
 * to act: category, reporter, a summary, the rule that sends it to them, the status with who did the latest
 * step and when, and the buttons the core offers for the report's state (Acknowledge or Start handling),
 * Resolve (while the report is open) and Details. Other
 * messages are their text. The notification text is the subject only: no report content on lock screens.
 */
export function notificationBlocks(message: OutboundMessage, state: AlertState = {}): SlackMessageBody {
  const t = translator(message.lang);
  const report = message.report;
  if (message.kind === 'reporter_receipt' && report) return receiptBlocks(message);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(message.subject, LIMIT.headerText) }];
  // The first paragraph says why this comes to the reader; the rest is the report as text, shown as blocks below.
  const intro = message.text.split('\n\n')[0] ?? '';
  if (!report || !ALERT_KINDS.includes(message.kind)) {
    blocks.push(...textBlocks(message.text));
    if (report) blocks.push(statusContext(message, state));
    return { text: truncate(message.subject, LIMIT.fallbackText), blocks: fitBlocks(blocks, t('dialog:slack.shortened')) };
  }
  blocks.push(...textBlocks(intro));
  blocks.push({
    type: 'section',
    fields: [
      field(t('slack:details.category'), report.categoryLabel),
      field(t('notifications:section.reporter'), report.reporterName ?? t('notifications:unknownPerson')),
      field(t('notifications:section.occurredOn'), report.occurredLabel ?? report.occurredOn),
      field(t('slack:details.urgency'), t(`notifications:urgency.${report.urgency}`)),
      ...(report.accountLabel ? [field(t('dialog:section.account'), report.accountLabel)] : []),
    ],
  });
  if (report.description !== undefined) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.description'))}*\n${quoteMrkdwn(truncate(report.description, SUMMARY_CHARS))}`),
    });
  }
  const links = report.evidence?.links ?? [];
  if (links.length > 0) {
    const shown = links.slice(0, MAX_LINKS).map((l) => `• ${escapeMrkdwn(l)}`);
    if (links.length > MAX_LINKS) shown.push(escapeMrkdwn(t('slack:alert.moreEvidence', { count: links.length - MAX_LINKS })));
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.evidence'))}*\n${shown.join('\n')}`) });
  }
  if (report.rules.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.rules'))}*`) });
    for (const rule of report.rules) {
      blocks.push({ type: 'section', text: mrkdwn(quoteMrkdwn(rule.quote)) });
      blocks.push({ type: 'context', elements: [plain(ruleSourceLine(rule.source, message.lang))] });
    }
  }
  blocks.push(statusContext(message, state));
  blocks.push({ type: 'actions', block_id: 'alert_actions', elements: alertButtons(message) });
  return { text: truncate(message.subject, LIMIT.fallbackText), blocks: fitBlocks(blocks, t('dialog:slack.shortened')) };
}

/**
 * The reporter's receipt as the core rendered it (first shown and every redraw alike): its text, the report's
 * state, Details and the core's actions (Withdraw only while it still applies).
 */
function receiptBlocks(message: OutboundMessage): SlackMessageBody {
  const t = translator(message.lang);
  const report = message.report!;
  const buttons: Button[] = [
    { type: 'button', action_id: ACTION.details, value: report.reference, text: plain(t('slack:alert.details'), LIMIT.buttonText) },
    ...message.actions.map((action) => ({
      type: 'button' as const,
      action_id: action.id,
      value: action.reference,
      text: plain(action.label, LIMIT.buttonText),
      ...(action.id === ACTION.withdraw ? { style: 'danger' as const } : {}),
    })),
  ];
  const blocks: KnownBlock[] = [...textBlocks(message.text), statusContext(message, {}), { type: 'actions', block_id: 'reporter_actions', elements: buttons }];
  return { text: fallbackText(message.text), blocks: fitBlocks(blocks, t('dialog:slack.shortened')) };
}

function field(label: string, value: string) {
  return mrkdwn(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`, 2000);
}

function statusContext(message: OutboundMessage, state: AlertState): KnownBlock {
  const t = translator(message.lang);
  const report = message.report!;
  const parts = [report.reference, t('slack:alert.status', { status: t(`notifications:status.${report.status}`) })];
  // Who did the latest step and when (the core's sentence); older callers may still pass the acknowledger.
  if (report.stateLine) parts.push(report.stateLine);
  else if (state.acknowledgedBy && report.status !== 'submitted') parts.push(t('slack:alert.acknowledgedBy', { name: state.acknowledgedBy }));
  return { type: 'context', elements: [plain(parts.join(' · '))] };
}

function alertButtons(message: OutboundMessage): Button[] {
  const t = translator(message.lang);
  const report = message.report!;
  const buttons: Button[] = message.actions.map((action) => ({
    type: 'button',
    action_id: action.id,
    text: plain(action.label, LIMIT.buttonText),
    value: action.reference,
    ...(action.id === ACTION.acknowledge ? { style: 'primary' as const } : {}),
  }));
  if (canTransition(report.status, 'resolve')) {
    buttons.push({ type: 'button', action_id: ACTION.resolve, text: plain(t('slack:alert.resolve'), LIMIT.buttonText), value: report.reference });
  }
  buttons.push({ type: 'button', action_id: ACTION.details, text: plain(t('slack:alert.details'), LIMIT.buttonText), value: report.reference });
  return buttons;
}
