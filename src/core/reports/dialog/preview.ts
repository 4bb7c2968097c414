import { translator } from '../../i18n';
import type { ReportDraft } from '../report';
import { toChoices, type Option } from './answers';
import { recipientLines } from './recipientLines';
import { changeChoiceId } from './steps';
import { summaryItems } from './summary';
import { REPLY_KIND, type BotReply, type DialogContext, type RoutingPreview } from './types';
import { ruleLanguageNote } from '../ruleSource';

/**
 * The summary shown before confirming: every answer, numbered (free text exactly as typed), how to change
 * one ("ändra 3"; `changes` carries one button per answer), who will be told (names and why they are told),
 * the rules quoted verbatim with their source, and the question whether to send.
 */
export function formatPreview(draft: ReportDraft, preview: RoutingPreview, ctx: DialogContext, options: readonly Option[]): BotReply {
  const lang = ctx.lang;
  const t = translator(lang);
  const items = summaryItems(draft, ctx, t);
  const lines: string[] = [t('reports:preview.heading')];
  items.forEach((item, i) => {
    // A value of several lines (description, evidence) starts on its own line, indented under its number.
    if (!item.value.includes('\n')) {
      lines.push(t('dialog:summary.item', { number: i + 1, label: item.label, value: item.value }));
      return;
    }
    lines.push(t('dialog:summary.item', { number: i + 1, label: item.label, value: '' }).trimEnd());
    lines.push(...item.value.split('\n').map((line) => `   ${line}`));
  });
  const example = Math.max(1, items.findIndex((item) => item.step === 'description') + 1);
  lines.push(t('dialog:summary.changeHint', { example }), '');
  if (preview.recipients.length === 0) lines.push(t('reports:preview.nobody'));
  else {
    lines.push(t('reports:preview.recipients'));
    lines.push(...recipientLines(preview.recipients, t, 'reports:preview.recipient'));
  }
  if (preview.urgency === 'immediate') lines.push(t('reports:preview.urgent'));
  if (preview.rules.length > 0) {
    lines.push('', t('reports:preview.why'));
    for (const rule of preview.rules) {
      const note = ruleLanguageNote(rule.source, lang);
      const line = t('reports:preview.rule', {
        quote: rule.quote,
        organisation: rule.source.organisation,
        document: rule.source.document,
        section: rule.source.section,
      });
      lines.push(note ? `${line} ${note}` : line);
    }
  }
  lines.push('', t('reports:prompt.confirm'));
  const changes = items.map((item, i) => ({ id: changeChoiceId(item.step), label: t('dialog:summary.changeButton', { number: i + 1, label: item.label }) }));
  return { kind: REPLY_KIND.preview, text: lines.join('\n'), choices: toChoices(options), changes };
}
