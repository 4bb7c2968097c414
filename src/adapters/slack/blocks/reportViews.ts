import type { KnownBlock, ModalView } from '../slackTypes';
import { evidenceItems } from '../../../core/reports/evidenceItems';
import { formatLocalDateTime } from '../../../core/clock';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { BotReply } from '../../../core/reports/dialog';
import type { ReportView } from '../../../core/reports/service';
import { viewOffersWithdraw } from '../../../core/reports/withdrawRule';
import { ACTION, INPUT, VIEW } from '../ids';
import { modal } from './modal';
import { escapeMrkdwn, LIMIT, mrkdwn, plain, quoteMrkdwn } from './text';
import { displayPeriod } from '../../../core/reports/dialog/period';
import { textBlocks } from './textBlocks';
import { ruleSourceLine } from '../../../core/reports/ruleSource';
import { encodeWithdrawBinding, type WithdrawQuestion } from '../../../core/reports/withdrawal';

/**
 * The preview pushed over the report form: the core's preview replies (the 112 message first when someone is
 * in danger, then who will be told and why). "Send" commits the report; "Back" returns to the form.
 */
export function previewView(replies: readonly BotReply[], lang: UiLang): ModalView {
  const t = translator(lang);
  const blocks = replies.flatMap((reply) => textBlocks(reply.text));
  return modal({
    callbackId: VIEW.reportPreview,
    title: t('slack:preview.title'),
    submit: t('slack:preview.submit'),
    close: t('slack:preview.back'),
    blocks,
    privateMetadata: JSON.stringify({ lang }),
  });
}

/** What the resolve modal carries to its submission. */
export interface ResolveMetadata {
  reference: string;
  lang: UiLang;
}

/** Asks for the outcome note that closes the report (the reporter receives it). */
export function resolveView(reference: string, lang: UiLang): ModalView {
  const t = translator(lang);
  const metadata: ResolveMetadata = { reference, lang };
  return modal({
    callbackId: VIEW.resolve,
    title: t('slack:resolve.title'),
    submit: t('slack:resolve.submit'),
    close: t('slack:form.cancel'),
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      { type: 'section', text: mrkdwn(escapeMrkdwn(t('slack:resolve.intro', { reference }))) },
      {
        type: 'input',
        block_id: INPUT.outcome,
        label: plain(t('slack:resolve.label'), 2000),
        element: { type: 'plain_text_input', action_id: INPUT.outcome, multiline: true, max_length: LIMIT.inputMaxLength },
      },
    ],
  });
}

/**
 * The full report for someone allowed to see it (the service checked and audited the view): facts, what
 * happened, evidence, outcome, the rules that routed it, who has it, and when it moved.
 */
/**
 * In the details, the reporter's part may instead be the withdraw question (`withdraw`) or say first what their
 * last click did (`note`, e.g. that a cancelled withdraw changed nothing).
 */
export interface ReporterPart {
  withdraw?: WithdrawQuestion;
  note?: string;
}

export function detailsView(view: ReportView, lang: UiLang, timeZone: string, reporterPart: ReporterPart = {}): ModalView {
  const t = translator(lang);
  const { report } = view;
  const field = (label: string, value: string) => mrkdwn(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`, 2000);
  const platform = report.content?.platformOther ?? t(`reports:platform.${report.platform}`);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      fields: [
        field(t('slack:details.category'), t(`notifications:category.${report.category}`)),
        field(t('slack:details.status'), t(`notifications:status.${report.status}`)),
        field(t('notifications:section.reporter'), view.reporterName ?? t('notifications:unknownPerson')),
        field(t('notifications:section.occurredOn'), displayPeriod({ occurredOn: report.occurredOn, ...report.content }, lang)),
        field(t('notifications:section.platform'), `${platform} (${t(`dialog:account.${report.accountKind}`)})`),
        field(t('slack:details.urgency'), t(`notifications:urgency.${report.urgency}`)),
      ],
    },
  ];
  if (report.immediateDanger) blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.immediateDanger'))}*`) });
  if (report.content) {
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.description'))}*`) });
    blocks.push(...textBlocks(report.content.description));
    const evidence = evidenceItems(report.content.evidence).map((item) => (item.kind === 'quote' ? quoteMrkdwn(item.text) : `• ${escapeMrkdwn(item.text)}`));
    if (evidence.length > 0) {
      blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.evidence'))}*\n${evidence.join('\n')}`) });
    }
  } else {
    blocks.push({ type: 'context', elements: [plain(t('slack:details.purged'))] });
  }
  if (report.outcomeNote) {
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('notifications:section.outcome'))}*`) });
    blocks.push(...textBlocks(report.outcomeNote));
  }
  if (report.rules.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('slack:details.rules'))}*`) });
    for (const rule of report.rules) {
      blocks.push({ type: 'section', text: mrkdwn(quoteMrkdwn(rule.quote)) });
      blocks.push({ type: 'context', elements: [plain(ruleSourceLine(rule.source, lang))] });
    }
  }
  const recipients = view.recipients
    .filter((r) => r.addressee !== null)
    .map((r) => `• ${escapeMrkdwn(r.name ?? '')} – ${escapeMrkdwn(t(`notifications:role.${r.role}`))}`);
  if (recipients.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*${escapeMrkdwn(t('admin:reports.field.recipients'))}*\n${recipients.join('\n')}`) });
  }
  const dates = [
    `${t('admin:reports.field.submitted')}: ${formatLocalDateTime(report.submittedAt, timeZone)}`,
    ...(report.acknowledgedAt ? [`${t('admin:reports.field.acknowledged')}: ${formatLocalDateTime(report.acknowledgedAt, timeZone)}`] : []),
    ...(report.closedAt ? [`${t('admin:reports.field.closed')}: ${formatLocalDateTime(report.closedAt, timeZone)}`] : []),
  ];
  blocks.push({ type: 'context', elements: [plain(dates.join(' · '))] });
  if (reporterPart.note) blocks.push({ type: 'context', elements: [plain(reporterPart.note)] });
  if (viewOffersWithdraw(view)) {
    blocks.push(...(reporterPart.withdraw ? withdrawQuestionBlocks(reporterPart.withdraw) : [withdrawActions(report.reference, lang)]));
  }
  return modal({ callbackId: VIEW.readOnly, title: report.reference, blocks, close: t('slack:notice.close') });
}

/**
 * "Withdraw the report" for the reporter while the report is open (the service checks it again on click,
 * so a button that outlived the report gets the translated explanation), with Details on the receipt.
 */
export function withdrawActions(reference: string, lang: UiLang, options: { details?: boolean } = {}): KnownBlock {
  const t = translator(lang);
  return {
    type: 'actions',
    block_id: 'reporter_actions',
    elements: [
      ...(options.details ? [{ type: 'button' as const, action_id: ACTION.details, value: reference, text: plain(t('slack:alert.details'), LIMIT.buttonText) }] : []),
      { type: 'button', action_id: ACTION.withdraw, value: reference, style: 'danger', text: plain(t('teamsParity:action.withdraw'), LIMIT.buttonText) },
    ],
  };
}

/**
 * The withdraw question in a modal of its own, for a Withdraw clicked where nothing can carry it (App Home, a
 * message without a response URL). Its answers come back from a modal: the details are drawn in its place.
 */
export function withdrawQuestionView(question: WithdrawQuestion): ModalView {
  return modal({ callbackId: VIEW.readOnly, title: question.binding.reference, blocks: withdrawQuestionBlocks(question), close: translator(question.lang)('slack:notice.close') });
}

/**
 * The core's withdraw question with [Withdraw] [Cancel]. Both buttons carry the report and the reporter it was
 * asked of; the service checks them again on click.
 */
export function withdrawQuestionBlocks(question: WithdrawQuestion): KnownBlock[] {
  const value = encodeWithdrawBinding(question.binding);
  return [
    { type: 'section', block_id: 'withdraw_question', text: mrkdwn(escapeMrkdwn(question.text)) },
    {
      type: 'actions',
      block_id: 'reporter_actions',
      elements: [
        { type: 'button', action_id: ACTION.withdrawConfirm, value, style: 'danger', text: plain(question.confirm.label, LIMIT.buttonText) },
        { type: 'button', action_id: ACTION.withdrawCancel, value, text: plain(question.cancel.label, LIMIT.buttonText) },
      ],
    },
  ];
}
