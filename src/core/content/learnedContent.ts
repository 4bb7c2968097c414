import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors';
import type { ContentLang } from '../language/lang';
import type { GuidelineContent } from '../guidelines/guidelineContent';
import { readYamlFile } from '../yamlFile';
import type { LearnedItem } from './records';

/** The out-of-scope topic under which taught words are added to content/scope.yaml's list. */
export const LEARNED_TOPIC = 'learned';

/** What content owners taught, in the shape it is applied: per passage, per language. */
export interface LearnedContent {
  exampleQuestions: { passageId: string; lang: ContentLang; text: string }[];
  outOfScope: Record<ContentLang, string[]>;
  contacts: { text: string; lang: ContentLang; contact: string }[];
}

export const NO_LEARNED: LearnedContent = { exampleQuestions: [], outOfScope: { sv: [], fi: [] }, contacts: [] };

const learnedFileSchema = z.object({
  example_questions: z
    .array(z.object({ passage: z.string().min(1), sv: z.array(z.string().min(1)).default([]), fi: z.array(z.string().min(1)).default([]) }))
    .default([]),
  out_of_scope: z.object({ sv: z.array(z.string().min(1)).default([]), fi: z.array(z.string().min(1)).default([]) }).default({ sv: [], fi: [] }),
  contacts: z.array(z.object({ question: z.string().min(1), lang: z.enum(['sv', 'fi']), contact: z.string().min(1) })).default([]),
});

/** The teachings in effect (undone ones left out), as learned content. */
export function learnedFromItems(items: readonly LearnedItem[]): LearnedContent {
  const learned: LearnedContent = { exampleQuestions: [], outOfScope: { sv: [], fi: [] }, contacts: [] };
  for (const item of items) {
    if (item.undoneAt) continue;
    if (item.kind === 'example_question' && item.passageId) learned.exampleQuestions.push({ passageId: item.passageId, lang: item.lang, text: item.text });
    else if (item.kind === 'out_of_scope') learned.outOfScope[item.lang].push(...item.words);
    else if (item.kind === 'contact' && item.contact) learned.contacts.push({ text: item.text, lang: item.lang, contact: item.contact });
  }
  return learned;
}

/** Both, without repeating what stands in both (a teaching exported to content/learned.yaml and still in the database). */
export function mergeLearned(a: LearnedContent, b: LearnedContent): LearnedContent {
  const key = (...parts: string[]) => parts.join('\u0000');
  const seenQ = new Set(a.exampleQuestions.map((q) => key(q.passageId, q.lang, q.text)));
  const seenC = new Set(a.contacts.map((c) => key(c.lang, c.text)));
  return {
    exampleQuestions: [...a.exampleQuestions, ...b.exampleQuestions.filter((q) => !seenQ.has(key(q.passageId, q.lang, q.text)))],
    outOfScope: { sv: [...new Set([...a.outOfScope.sv, ...b.outOfScope.sv])], fi: [...new Set([...a.outOfScope.fi, ...b.outOfScope.fi])] },
    contacts: [...a.contacts, ...b.contacts.filter((c) => !seenC.has(key(c.lang, c.text)))],
  };
}

/** Reads content/learned.yaml (what `somebot content export-learned` wrote); a missing file means nothing. */
export function readLearnedFile(file: string): LearnedContent {
  if (!fs.existsSync(file)) return NO_LEARNED;
  const data = readYamlFile(file, learnedFileSchema);
  return {
    exampleQuestions: data.example_questions.flatMap((e) => [
      ...e.sv.map((text) => ({ passageId: e.passage, lang: 'sv' as const, text })),
      ...e.fi.map((text) => ({ passageId: e.passage, lang: 'fi' as const, text })),
    ]),
    outOfScope: data.out_of_scope,
    contacts: data.contacts.map((c) => ({ text: c.question, lang: c.lang, contact: c.contact })),
  };
}

/** The readable YAML of learned content, for content owners to keep in the repository. */
export function learnedYaml(learned: LearnedContent): string {
  const byPassage = new Map<string, { passage: string; sv: string[]; fi: string[] }>();
  for (const q of learned.exampleQuestions) {
    const entry = byPassage.get(q.passageId) ?? { passage: q.passageId, sv: [], fi: [] };
    entry[q.lang].push(q.text);
    byPassage.set(q.passageId, entry);
  }
  const header = [
    '# What content owners taught the bot (somebot content learn), exported with `somebot content export-learned`.',
    '# example_questions: questions staff asked, each added to the passage that answers it (passage id = document#section.passage).',
    '# out_of_scope: words of matters the guidelines do not address; a question naming one gets "the guidelines do not answer".',
    '# contacts: whom to name when a question like this one gets no answer.',
    '',
  ].join('\n');
  const body = {
    example_questions: [...byPassage.values()],
    out_of_scope: learned.outOfScope,
    contacts: learned.contacts.map((c) => ({ question: c.text, lang: c.lang, contact: c.contact })),
  };
  return header + YAML.stringify(body, { lineWidth: 0 });
}

/**
 * Content with the learned teachings on top: example questions join their passage's, taught words join the
 * out-of-scope list. An example question for a passage the content no longer has is an error naming it (`source`
 * says where it came from), so a teaching never silently stops working.
 */
export function applyLearned(content: GuidelineContent, learned: LearnedContent, source: string): GuidelineContent {
  if (learned.exampleQuestions.length === 0 && learned.outOfScope.sv.length === 0 && learned.outOfScope.fi.length === 0) return content;
  const exampleQuestions = new Map(content.exampleQuestions);
  for (const q of learned.exampleQuestions) {
    const current = exampleQuestions.get(q.passageId);
    if (!current) throw new ContentError('CONTENT_REFERENCE', `${source}: no passage "${q.passageId}" for the question "${q.text}"`);
    const passage = { ...current.passage, [q.lang]: [...current.passage[q.lang], q.text] };
    exampleQuestions.set(q.passageId, { section: current.section, passage });
  }
  const previous = content.scope.out_of_scope[LEARNED_TOPIC] ?? { sv: [], fi: [] };
  const scope = {
    ...content.scope,
    out_of_scope: {
      ...content.scope.out_of_scope,
      [LEARNED_TOPIC]: { ...previous, sv: [...previous.sv, ...learned.outOfScope.sv], fi: [...previous.fi, ...learned.outOfScope.fi] },
    },
  };
  return { ...content, exampleQuestions, scope };
}
