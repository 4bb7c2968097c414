import type { Activity } from 'botbuilder';
import { evidenceLines } from '../../../core/reports/evidenceItems';
import { formatLocalDateTime } from '../../../core/clock';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { MESSAGE_ACTIONS } from '../../../core/delivery/messageKinds';
import type { OutboundMessage } from '../../../core/ports';
import { adaptiveCard, cardMessage, factSet, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { resolveAction } from './alertActions';
import { CARD_ACTION, DETAILS_CARD } from './cardActions';
import { fitCard } from './cardSize';
import { plainTextLines } from './plainText';
import { ruleSourceLine } from '../../../core/reports/ruleSource';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { withdrawQuestionActions, withdrawQuestionBody } from './withdrawQuestion';

/**
 * A report's details as the core rendered them for the one person looking (core detailsMessage: the view is
 * checked before they are drawn, first shown and every redraw alike): facts, what happened, evidence, outcome,
 * the rules that routed it, who has it, when it moved and who did the latest step. The buttons are the steps
 * the core offers this viewer now (the reporter's Withdraw, Resolve for those who handle it); the withdraw
 * `question` takes Withdraw's place when the reporter asked on this card. Without details (purged, or the
 * viewer may no longer see the report) only the core's sentence, no content and no buttons.
 */
export function detailsCard(copy: OutboundMessage, timeZone: string, question?: WithdrawQuestion): Partial<Activity> {
  const t = translator(copy.lang);
  const lang = copy.lang;
  const title = copy.subject;
  const details = copy.details;
  if (!details) return cardMessage(adaptiveCard([textBlock(title, { weight: 'bolder', size: 'medium' }), ...plainTextLines(copy.text)], []), title);
  const { report } = details;
  const platform = report.content?.platformOther ?? t(`reports:platform.${report.platform}`);
  const body: CardElement[] = [
    textBlock(title, { weight: 'bolder', size: 'medium' }),
    factSet([
      { title: t('slack:details.category'), value: t(`notifications:category.${report.category}`) },
      { title: t('slack:details.status'), value: t(`notifications:status.${report.status}`) },
      { title: t('notifications:section.reporter'), value: details.reporterName ?? t('notifications:unknownPerson') },
      { title: t('notifications:section.occurredOn'), value: report.occurredOn },
      { title: t('notifications:section.platform'), value: `${platform} (${t(`reports:accountKind.${report.accountKind}`)})` },
      { title: t('slack:details.urgency'), value: t(`notifications:urgency.${report.urgency}`) },
    ]),
  ];
  if (copy.report?.stateLine) body.push(...plainTextLines(copy.report.stateLine));
  if (report.immediateDanger) body.push(textBlock(t('notifications:section.immediateDanger'), { weight: 'bolder', color: 'attention' }));
  if (report.content) {
    body.push(textBlock(t('notifications:section.description'), { weight: 'bolder', spacing: 'medium' }), ...plainTextLines(report.content.description));
    const evidence = evidenceLines(report.content.evidence);
    if (evidence.length > 0) body.push(textBlock(t('notifications:section.evidence'), { weight: 'bolder', spacing: 'medium' }), ...plainTextLines(evidence.join('\n')));
  } else {
    body.push(textBlock(t('slack:details.purged'), { subtle: true }));
  }
  if (report.outcomeNote) body.push(textBlock(t('notifications:section.outcome'), { weight: 'bolder', spacing: 'medium' }), ...plainTextLines(report.outcomeNote));
  if (report.rules.length > 0) {
    body.push(textBlock(t('slack:details.rules'), { weight: 'bolder', spacing: 'medium' }));
    for (const rule of report.rules) {
      body.push(...plainTextLines(`“${rule.quote}”`, { italic: true }));
      body.push(textBlock(ruleSourceLine(rule.source, lang), { subtle: true, size: 'small', spacing: 'none' }));
    }
  }
  const recipients = details.recipients.filter((r) => r.addressee !== null).map((r) => `${r.name ?? ''} – ${t(`notifications:role.${r.role}`)}`);
  if (recipients.length > 0) body.push(textBlock(t('admin:reports.field.recipients'), { weight: 'bolder', spacing: 'medium' }), ...plainTextLines(recipients.join('\n')));
  const dates = [
    { title: t('admin:reports.field.submitted'), value: formatLocalDateTime(report.submittedAt, timeZone) },
    ...(report.acknowledgedAt ? [{ title: t('admin:reports.field.acknowledged'), value: formatLocalDateTime(report.acknowledgedAt, timeZone) }] : []),
    ...(report.closedAt ? [{ title: t('admin:reports.field.closed'), value: formatLocalDateTime(report.closedAt, timeZone) }] : []),
  ];
  body.push(factSet(dates));
  // Withdraw asks first: the reporter's question takes the button's place until it is answered.
  const asking = question !== undefined && copy.actions.some((a) => a.id === MESSAGE_ACTIONS.withdraw);
  if (asking) body.push(...withdrawQuestionBody(question));
  const actions = asking ? withdrawQuestionActions(question, DETAILS_CARD) : copy.actions.map((action) => stepButton(action, lang));
  return cardMessage(fitCard(adaptiveCard(body, actions), t('teamsParity:details.shortened')), title);
}

/** A step the core offers on the details: the reporter's Withdraw (asks first), or Resolve with its note. */
function stepButton(action: OutboundMessage['actions'][number], lang: UiLang): CardElement {
  if (action.id === MESSAGE_ACTIONS.resolve) return resolveAction(action.reference, lang, DETAILS_CARD);
  if (action.id === MESSAGE_ACTIONS.withdraw) return submitAction(action.label, { action: CARD_ACTION.withdraw, reference: action.reference, from: DETAILS_CARD }, { style: 'destructive' });
  return submitAction(action.label, { action: action.id, reference: action.reference });
}
