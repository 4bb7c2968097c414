import type { UiLang } from '../../language/lang';
import { translator } from '../../i18n';
import type { ReportDraft } from '../report';
import { toChoices, type Option } from './answers';
import { displayDate, recipientLines } from './recipientLines';
import { REPLY_KIND, type BotReply, type RoutingPreview } from './types';

/**
 * The preview shown before confirming: a one-line summary of the draft, who will be told (names and why they
 * are told), the rules quoted verbatim with their source, and the question whether to send.
 */
export function formatPreview(draft: ReportDraft, preview: RoutingPreview, lang: UiLang, options: readonly Option[]): BotReply {
  const t = translator(lang);
  const platform = draft.platform === 'other' && draft.platformOther ? draft.platformOther : t(`reports:platform.${draft.platform}`);
  const lines: string[] = [
    t('reports:preview.heading'),
    t('reports:preview.summary', {
      category: t(`reports:category.${draft.category}`),
      platform,
      account: t(`reports:accountKind.${draft.accountKind}`),
      date: displayDate(draft.occurredOn, lang),
    }),
    '',
  ];
  if (preview.recipients.length === 0) lines.push(t('reports:preview.nobody'));
  else {
    lines.push(t('reports:preview.recipients'));
    lines.push(...recipientLines(preview.recipients, t, 'reports:preview.recipient'));
  }
  if (preview.urgency === 'immediate') lines.push(t('reports:preview.urgent'));
  if (preview.rules.length > 0) {
    lines.push('', t('reports:preview.why'));
    for (const rule of preview.rules) {
      lines.push(
        t('reports:preview.rule', {
          quote: rule.quote,
          organisation: rule.source.organisation,
          document: rule.source.document,
          section: rule.source.section,
        }),
      );
    }
  }
  lines.push('', t('reports:prompt.confirm'));
  return { kind: REPLY_KIND.preview, text: lines.join('\n'), choices: toChoices(options) };
}
