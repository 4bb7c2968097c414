import { formatLocalDateTime } from '../../../core/clock';
import { evidenceLines } from '../../../core/reports/evidenceItems';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import type { ReportSummary, TimelineEntry } from '../../../core/reports/records';
import { canTransition } from '../../../core/reports/lifecycle';
import { deliveryText } from '../../../core/reports/trailText';
import { recipientSummary } from '../../../core/reports/dialog/recipientLines';
import { displayPeriod } from '../../../core/reports/dialog/period';
import type { ReportView } from '../../../core/reports/service';
import { MAX_MESSAGE_CHARS } from '../limits';
import { REPORT_ACTIONS, type WebReportAction } from '../webActions';
import { html, paragraphs, raw, type Html } from './html';
import { ruleSourceLine } from '../../../core/reports/ruleSource';
import type { WithdrawQuestion } from '../../../core/reports/withdrawal';
import { viewOffersWithdraw } from '../../../core/reports/withdrawRule';

const detailId = (reference: string) => `report-${reference}`;

/** The reports a person can see, without their content: reference, category, status, urgency, date. */
export function reportListHtml(reports: ReportSummary[], lang: UiLang, timeZone: string, itemHeading: 'h3' | 'h4' = 'h3'): Html {
  const t = translator(lang);
  if (reports.length === 0) return html`<p class="empty">${t('web:reports.none')}</p>`;
  const open = raw(`<${itemHeading}>`);
  const close = raw(`</${itemHeading}>`);
  return html`<ul class="reports">${reports.map(
    (r) => html`<li class="report status-${r.status}" data-reference="${r.reference}">
${open}${r.reference} · ${t(`notifications:category.${r.category}`)}${close}
<p><span class="status-label" data-status="${r.status}">${t('web:reports.status')}: <strong>${t(`notifications:status.${r.status}`)}</strong></span> · ${t(`notifications:urgency.${r.urgency}`)} · <time datetime="${r.submittedAt.toISOString()}">${formatLocalDateTime(r.submittedAt, timeZone)}</time></p>
<button type="button" data-open="${r.reference}" aria-expanded="false" aria-controls="${detailId(r.reference)}">${t('web:reports.show')}<span class="visually-hidden"> ${r.reference}</span></button>
<div class="report-detail" id="${detailId(r.reference)}" hidden></div>
</li>`,
  )}</ul>`;
}

/** The console's lists: a person's own reports, those sent to them, and (IT security) its queue. */
export type ReportGroup = 'mine' | 'sentToMe' | 'queue';

/** Each group with its heading; a group is shown when given (empty groups say there are none). */
export function reportGroupsHtml(groups: { group: ReportGroup; reports: ReportSummary[] }[], lang: UiLang, timeZone: string): Html {
  const t = translator(lang);
  return html`${groups.map(
    ({ group, reports }) => html`<section class="report-group" data-group="${group}" aria-labelledby="group-${group}">
<h3 id="group-${group}">${t(`web:console.${group}`)} <span class="count">(${reports.length})</span></h3>
${reportListHtml(reports, lang, timeZone, 'h4')}
</section>`,
  )}`;
}

/**
 * One report as its viewer may see it (the service already checked access and recorded the view), with the
 * buttons the viewer's access and the report's status allow.
 */
export function reportDetailHtml(
  view: ReportView,
  options: { lang: UiLang; timeZone: string; names: Map<string, string>; docLang: (docId: string) => string | undefined },
): Html {
  const { lang, timeZone, names, docLang } = options;
  const t = translator(lang);
  const r = view.report;
  const facts: [string, Html | string][] = [
    [t('web:report.status'), t(`notifications:status.${r.status}`)],
    [t('web:report.urgency'), t(`notifications:urgency.${r.urgency}`)],
    [t('web:report.occurredOn'), displayPeriod({ occurredOn: r.occurredOn, ...r.content }, lang)],
    [t('web:report.platform'), r.content?.platformOther ?? t(`notifications:platform.${r.platform}`)],
    [t('dialog:section.account'), t(`dialog:account.${r.accountKind}`)],
    [t('web:report.reporter'), view.reporterName ?? t('notifications:unknownPerson')],
    [
      t('web:report.recipients'),
      recipientSummary(
        view.recipients.flatMap((x) => (x.addressee ? [{ name: x.name ?? '', role: x.role, channel: x.addressee.kind === 'channel' }] : [])),
        t,
      ),
    ],
  ];
  const evidence = r.content ? evidenceLines(r.content.evidence) : [];
  return html`<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${r.content ? html`<h4>${t('web:report.description')}</h4>${paragraphs(r.content.description)}` : ''}
${evidence.length > 0 ? html`<h4>${t('web:report.evidence')}</h4><ul>${evidence.map((e) => html`<li>${e}</li>`)}</ul>` : ''}
${r.outcomeNote ? html`<h4>${t('web:report.outcome')}</h4>${paragraphs(r.outcomeNote)}` : ''}
${r.rules.length > 0 && view.access !== 'reporter' ? html`<h4>${t('web:report.rules')}</h4>${r.rules.map((rule) => html`<figure class="quote"><blockquote${langAttr(docLang(rule.source.docId))}><p>${rule.quote}</p></blockquote><figcaption>— ${ruleSourceLine(rule.source, lang)}</figcaption></figure>`)}` : ''}
<h4>${t('web:report.timeline')}</h4>
<ol class="timeline">${view.timeline.map((e) => timelineItem(e, t, timeZone, names))}</ol>
${actions(view, lang)}`;
}

const langAttr = (lang: string | undefined) => (lang ? html` lang="${lang}"` : '');

function timelineItem(entry: TimelineEntry, t: ReturnType<typeof translator>, timeZone: string, names: Map<string, string>): Html {
  const actor = entry.actor.startsWith('person:')
    ? (names.get(entry.actor.slice('person:'.length)) ?? entry.actor.slice('person:'.length))
    : entry.actor === 'system'
      ? t('web:timeline.system')
      : entry.actor.replace(/^admin:/, t('web:timeline.admin'));
  const delivery = deliveryText(entry, t, (id) => names.get(id));
  return html`<li><time datetime="${entry.at.toISOString()}">${formatLocalDateTime(entry.at, timeZone)}</time> ${t(`web:timeline.${entry.event}`)}${delivery ? `: ${delivery}` : ''} – ${actor}</li>`;
}

/** The buttons this viewer may use now: handlers acknowledge, start and resolve; the reporter withdraws. */
function actions(view: ReportView, lang: UiLang): Html {
  const t = translator(lang);
  const r = view.report;
  const reference = r.reference;
  const handler = view.access === 'recipient' || view.access === 'it_security';
  const button = (action: WebReportAction, label: string) =>
    html`<button type="button" data-action="${action}" data-reference="${reference}">${label}<span class="visually-hidden"> ${reference}</span></button>`;
  const parts: Html[] = [];
  if (handler && canTransition(r.status, 'acknowledge')) parts.push(button(REPORT_ACTIONS.acknowledge, t('web:report.acknowledge')));
  if (handler && canTransition(r.status, 'start_progress')) parts.push(button(REPORT_ACTIONS.startProgress, t('web:report.startProgress')));
  if (handler && canTransition(r.status, 'resolve')) {
    const noteId = `note-${reference}`;
    parts.push(html`<div class="resolve"><label for="${noteId}">${t('web:report.outcomeNote')}</label>
<textarea id="${noteId}" rows="3" maxlength="${MAX_MESSAGE_CHARS}" data-note-for="${reference}"></textarea>
${button(REPORT_ACTIONS.resolve, t('web:report.resolve'))}</div>`);
  }
  if (viewOffersWithdraw(view)) parts.push(button(REPORT_ACTIONS.withdraw, t('web:report.withdraw')));
  return parts.length > 0 ? html`<div class="actions">${parts}</div>` : html``;
}

/**
 * The question a Withdraw button asks, shown under it: the core's sentence and its two buttons, which send the
 * report and the reporter it was asked of back with the confirm or cancel action.
 */
export function withdrawConfirmationHtml(question: WithdrawQuestion): Html {
  const { reference, reporterId } = question.binding;
  const button = (action: string, label: string, extra: string) =>
    html`<button type="button" class="${extra}" data-action="${action}" data-reference="${reference}" data-reporter="${reporterId}">${label}<span class="visually-hidden"> ${reference}</span></button>`;
  return html`<div class="withdraw-confirm" role="group" aria-labelledby="withdraw-q-${reference}" data-confirm-for="${reference}" lang="${question.lang}">
<p id="withdraw-q-${reference}">${question.text}</p>
<div class="actions">${button(question.confirm.action, question.confirm.label, 'danger')} ${button(question.cancel.action, question.cancel.label, 'secondary')}</div>
</div>`;
}
