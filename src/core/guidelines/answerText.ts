import { translator } from '../i18n';
import type { GuidelineAnswer } from './guidelineAnswerer';
import type { SearchHit } from './search';

/** Plain-text rendering of an answer, for the terminal chat and as the fallback text of richer messages. */
export function renderAnswerText(answer: GuidelineAnswer, contact: string): string {
  const t = translator(answer.lang);
  const body = renderBody(answer, contact);
  return answer.truncated ? `${t('guidelines:truncated')}\n\n${body}` : body;
}

function renderBody(answer: GuidelineAnswer, contact: string): string {
  const t = translator(answer.lang);
  if (!answer.answered) {
    if (answer.reason === 'empty') return t('guidelines:empty');
    if (answer.reason === 'no_words') return t('guidelines:noWords');
    if (answer.reason === 'small_talk') return `${t(`guidelines:smallTalk.${answer.smallTalk ?? 'greeting'}`)} ${t('guidelines:whatICanDo')}`;
    // The guidelines are in Swedish and Finnish: an English question that found nothing is told how to ask.
    if (answer.lang === 'en') return t('guidelines:askInSvOrFi');
    const noAnswer = t('guidelines:noAnswer', { contact: answer.contact ?? contact });
    return answer.keptDays ? `${noAnswer}\n\n${t('guidelines:questionKept', { days: answer.keptDays })}` : noAnswer;
  }
  const [best, ...related] = answer.quoted;
  const parts = [quoteBlock(best!, answer)];
  if (related.length > 0) {
    parts.push(t('guidelines:related'));
    for (const hit of related) parts.push(quoteBlock(hit, answer));
  }
  return parts.join('\n\n');
}

/** The quoted passage, its citation, and notes on its language and kind. */
export function quoteBlock(hit: SearchHit, answer: Pick<GuidelineAnswer, 'lang' | 'organisation'>): string {
  const lines = hit.passage.text.split('\n').map((line) => `> ${line}`);
  lines.push(`— ${citationLine(hit, answer)}`);
  lines.push(...passageNotes(hit, answer));
  return lines.join('\n');
}

/**
 * What a reader should know about a quoted passage: that it is in the other language, that it is commentary
 * rather than a rule, or that it is another organisation's practice (when SOMEBOT_ORGANISATION names ours).
 */
export function passageNotes(hit: SearchHit, answer: Pick<GuidelineAnswer, 'lang' | 'organisation'>): string[] {
  const t = translator(answer.lang);
  const { source } = hit.passage;
  const notes: string[] = [];
  if (source.lang !== answer.lang && answer.lang !== 'en') notes.push(t(`guidelines:passageIn.${source.lang}`));
  if (source.kind === 'commentary') notes.push(t('guidelines:commentary'));
  else if (answer.organisation && source.org !== answer.organisation) notes.push(t('guidelines:practiceOf', { organisation: source.organisation }));
  return notes;
}

export function citationLine(hit: SearchHit, answer: Pick<GuidelineAnswer, 'lang'>): string {
  const t = translator(answer.lang);
  const { source } = hit.passage;
  return source.section === source.title
    ? t('guidelines:sourceNoSection', { organisation: source.organisation, title: source.title })
    : t('guidelines:source', { organisation: source.organisation, title: source.title, section: source.section });
}
