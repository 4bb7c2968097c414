import type { Activity } from 'botbuilder';
import { evidenceLines } from '../../../core/reports/evidenceItems';
import { formatLocalDateTime } from '../../../core/clock';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { canTransition } from '../../../core/reports/lifecycle';
import type { ReportView } from '../../../core/reports/service';
import { adaptiveCard, cardMessage, factSet, submitAction, textBlock, type CardElement } from './adaptiveCard';
import { resolveAction } from './alertActions';
import { CARD_ACTION, DETAILS_CARD } from './cardActions';
import { fitCard } from './cardSize';
import { plainTextLines } from './plainText';
import { ruleSourceLine } from '../../../core/reports/ruleSource';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { withdrawQuestionActions, withdrawQuestionBody } from './withdrawQuestion';
import { viewOffersWithdraw } from '../../../core/reports/withdrawRule';

/**
 * The full report for someone the service let see it (the view is checked and recorded before this is
 * drawn): facts, what happened, evidence, outcome, the rules that routed it, who has it and when it moved.
 * The buttons are the viewer's own: the reporter may withdraw an open report; those who handle it may
 * resolve it while it is open. A closed report has none.
 */
export function detailsCard(view: ReportView, lang: UiLang, timeZone: string, question?: WithdrawQuestion): Partial<Activity> {
  const t = translator(lang);
  const { report } = view;
  const title = t('teamsParity:details.title', { reference: report.reference });
  const platform = report.content?.platformOther ?? t(`reports:platform.${report.platform}`);
  const body: CardElement[] = [
    textBlock(title, { weight: 'bolder', size: 'medium' }),
    factSet([
      { title: t('slack:details.category'), value: t(`notifications:category.${report.category}`) },
      { title: t('slack:details.status'), value: t(`notifications:status.${report.status}`) },
      { title: t('notifications:section.reporter'), value: view.reporterName ?? t('notifications:unknownPerson') },
      { title: t('notifications:section.occurredOn'), value: report.occurredOn },
      { title: t('notifications:section.platform'), value: `${platform} (${t(`reports:accountKind.${report.accountKind}`)})` },
      { title: t('slack:details.urgency'), value: t(`notifications:urgency.${report.urgency}`) },
    ]),
  ];
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
  const recipients = view.recipients.filter((r) => r.addressee !== null).map((r) => `${r.name ?? ''} – ${t(`notifications:role.${r.role}`)}`);
  if (recipients.length > 0) body.push(textBlock(t('admin:reports.field.recipients'), { weight: 'bolder', spacing: 'medium' }), ...plainTextLines(recipients.join('\n')));
  const dates = [
    { title: t('admin:reports.field.submitted'), value: formatLocalDateTime(report.submittedAt, timeZone) },
    ...(report.acknowledgedAt ? [{ title: t('admin:reports.field.acknowledged'), value: formatLocalDateTime(report.acknowledgedAt, timeZone) }] : []),
    ...(report.closedAt ? [{ title: t('admin:reports.field.closed'), value: formatLocalDateTime(report.closedAt, timeZone) }] : []),
  ];
  body.push(factSet(dates));
  // Withdraw asks first: the reporter's question takes the button's place until it is answered.
  const asking = question !== undefined && viewOffersWithdraw(view);
  if (asking) body.push(...withdrawQuestionBody(question));
  const actions = asking ? withdrawQuestionActions(question, DETAILS_CARD) : viewerActions(view, lang);
  return cardMessage(fitCard(adaptiveCard(body, actions), t('teamsParity:details.shortened')), title);
}

/** The buttons of the one person looking: withdraw for the reporter, resolve for those who handle it. */
function viewerActions(view: ReportView, lang: UiLang): CardElement[] {
  const { report, access } = view;
  if (report.purgedAt !== null) return [];
  if (access === 'reporter') {
    return viewOffersWithdraw(view)
      ? [submitAction(translator(lang)('teamsParity:action.withdraw'), { action: CARD_ACTION.withdraw, reference: report.reference, from: DETAILS_CARD }, { style: 'destructive' })]
      : [];
  }
  if (access === 'admin') return [];
  return canTransition(report.status, 'resolve') ? [resolveAction(report.reference, lang, DETAILS_CARD)] : [];
}
