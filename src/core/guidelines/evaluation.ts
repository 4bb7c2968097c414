import { z } from 'zod';
import { normalizeForMatch } from '../text/normalize';
import type { GuidelineAnswer } from './guidelineAnswerer';
import { OFFER_ONLY_CATEGORIES } from '../intents/intentClassifier';

/** One line of a question file (JSONL): at least `id` and `q`; the rest is needed for scoring. */
export const evalItemSchema = z.object({
  id: z.string(),
  q: z.string(),
  lang: z.enum(['sv', 'fi']).optional(),
  intent: z.string().nullable().optional(),
  expect: z.array(z.string()).optional(),
  cross: z.boolean().optional(),
  unanswerable: z.boolean().optional(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

/** What `ask --batch` prints for one item. */
export interface BatchLine {
  id: string;
  lang: string;
  intent: string;
  answered: boolean;
  /** Present (true) when the answer also offers to make a report: the message may describe an incident. */
  offersReport?: true;
  /** The category the offer names, when it names one. */
  offeredCategory?: string;
  passages: {
    text: string;
    score: number;
    source: { docId: string; title: string; organisation: string; lang: string; section: string };
  }[];
}

export function toBatchLine(id: string, answer: GuidelineAnswer): BatchLine {
  return {
    id,
    lang: answer.lang,
    intent: answer.intent,
    answered: answer.answered,
    ...(answer.reportOffer ? { offersReport: true as const } : {}),
    ...(answer.reportOffer?.category ? { offeredCategory: answer.reportOffer.category } : {}),
    passages: answer.hits.slice(0, 10).map((h) => ({
      text: h.passage.text,
      score: Math.round(h.score * 1e4) / 1e4,
      source: {
        docId: h.passage.source.docId,
        title: h.passage.source.title,
        organisation: h.passage.source.organisation,
        lang: h.passage.source.lang,
        section: h.passage.source.section,
      },
    })),
  };
}

export interface Scores {
  n: number;
  top1: number;
  top3: number;
  mrr: number;
}

/**
 * How reports are told from questions, over the items whose intent is a report or a question: a report
 * counts as recalled when it gets the reply its category is meant to get: taken for a report of any category
 * (its dialog starts), or, for media contact and false claims, which never start the dialog by themselves,
 * answered with the report offered. A question taken for a report is a false report. `offered`: questions
 * answered with the offer to report beside the answer. `reportsOffered`: other reports answered with the
 * offer instead of the dialog (the person can still report in one click); `missed`: reports given neither.
 */
export interface ReportRecall {
  reports: number;
  recall: number;
  reportsOffered: number;
  missed: number;
  questions: number;
  falseReports: number;
  offered: number;
}

/**
 * Whether a report item got the reply its category is meant to get: its dialog, or for media contact and
 * false claims (which never start the dialog by themselves) the answer with that category's report offered.
 */
function intentMatches(expected: string, line: BatchLine): boolean {
  if (expected === 'question') return !line.intent.startsWith('report:');
  if (line.intent === expected) return true;
  const category = expected.slice('report:'.length);
  return (OFFER_ONLY_CATEGORIES as readonly string[]).includes(category) && line.offeredCategory === category;
}

export interface EvalReport {
  retrieval: { all: Scores; sv: Scores; fi: Scores; cross: Scores };
  intentAccuracy: number;
  intentN: number;
  languageAccuracy: number;
  languageN: number;
  refusal: number;
  refusalN: number;
  falseRefusal: number;
  /** Report recall and false reports, overall and per language; undefined when no item is a report. */
  reportRecall?: { all: ReportRecall; sv: ReportRecall; fi: ReportRecall };
  misses: { id: string; q: string; kind: string; detail: string }[];
}

/** Rank (1-based) of the first passage that contains an expected phrase; 0 when none of the first ten does. */
export function answeringRank(line: BatchLine, expect: string[]): number {
  const phrases = expect.map(normalizeForMatch).filter((p) => p.length > 0);
  const i = line.passages.slice(0, 10).findIndex((p) => {
    const text = normalizeForMatch(p.text);
    return phrases.some((ph) => text.includes(ph));
  });
  return i + 1;
}

function scores(ranks: number[]): Scores {
  const n = ranks.length;
  if (n === 0) return { n, top1: 0, top3: 0, mrr: 0 };
  return {
    n,
    top1: ranks.filter((r) => r === 1).length / n,
    top3: ranks.filter((r) => r >= 1 && r <= 3).length / n,
    mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n,
  };
}

/**
 * Scores answers exactly as the evaluation rules say: phrases and passages normalised alike; a question
 * answered `false` counts as not answered in top-1, top-3 and MRR; intent accuracy over items with an intent;
 * language accuracy over items with a language.
 */
export function evaluate(items: EvalItem[], lines: BatchLine[]): EvalReport {
  const ranks = { all: [] as number[], sv: [] as number[], fi: [] as number[], cross: [] as number[] };
  const misses: EvalReport['misses'] = [];
  let intentOk = 0;
  let intentN = 0;
  let langOk = 0;
  let langN = 0;
  let refused = 0;
  let refusalN = 0;
  let falseRefused = 0;
  items.forEach((item, i) => {
    const line = lines[i]!;
    if (item.intent !== null && item.intent !== undefined) {
      intentN += 1;
      if (intentMatches(item.intent, line)) intentOk += 1;
      else {
        const offer = line.offersReport ? ` with the report offered${line.offeredCategory ? ` (${line.offeredCategory})` : ''}` : '';
        misses.push({ id: item.id, q: item.q, kind: 'intent', detail: `expected ${item.intent}, got ${line.intent}${offer}` });
      }
    }
    if (item.lang) {
      langN += 1;
      if (line.lang === item.lang) langOk += 1;
      else misses.push({ id: item.id, q: item.q, kind: 'language', detail: `expected ${item.lang}, got ${line.lang}` });
    }
    if (item.unanswerable) {
      refusalN += 1;
      if (!line.answered) refused += 1;
      else misses.push({ id: item.id, q: item.q, kind: 'refusal', detail: `answered with ${line.passages[0]?.source.docId ?? '-'}` });
      return;
    }
    if (!item.expect || item.expect.length === 0) return;
    const rank = line.answered ? answeringRank(line, item.expect) : 0;
    if (!line.answered) falseRefused += 1;
    ranks.all.push(rank);
    if (item.cross) ranks.cross.push(rank);
    else if (item.lang === 'sv') ranks.sv.push(rank);
    else if (item.lang === 'fi') ranks.fi.push(rank);
    if (rank !== 1) {
      const got = line.passages[0];
      const detail = !line.answered
        ? `not answered (true rank ${answeringRank(line, item.expect)})`
        : `rank ${rank || '>10'}; top: ${got ? `${got.source.docId} “${got.text.slice(0, 70).replace(/\n/g, ' ')}”` : '-'}`;
      misses.push({ id: item.id, q: item.q, kind: 'retrieval', detail });
    }
  });
  return {
    retrieval: { all: scores(ranks.all), sv: scores(ranks.sv), fi: scores(ranks.fi), cross: scores(ranks.cross) },
    intentAccuracy: intentN ? intentOk / intentN : 0,
    intentN,
    languageAccuracy: langN ? langOk / langN : 0,
    languageN: langN,
    refusal: refusalN ? refused / refusalN : 0,
    refusalN,
    falseRefusal: ranks.all.length ? falseRefused / ranks.all.length : 0,
    ...(items.some((item) => item.intent?.startsWith('report:')) ? { reportRecall: reportRecall(items, lines) } : {}),
    misses,
  };
}

function reportRecall(items: EvalItem[], lines: BatchLine[]): { all: ReportRecall; sv: ReportRecall; fi: ReportRecall } {
  const count = (lang?: 'sv' | 'fi'): ReportRecall => {
    let reports = 0;
    let recalled = 0;
    let reportsOffered = 0;
    let questions = 0;
    let falseReports = 0;
    let offered = 0;
    items.forEach((item, i) => {
      if (lang && item.lang !== lang) return;
      const line = lines[i]!;
      const takenForReport = line.intent.startsWith('report:');
      if (item.intent?.startsWith('report:')) {
        reports += 1;
        if (takenForReport || intentMatches(item.intent, line)) recalled += 1;
        else if (line.offersReport) reportsOffered += 1;
      } else if (item.intent === 'question') {
        questions += 1;
        if (takenForReport) falseReports += 1;
        else if (line.offersReport) offered += 1;
      }
    });
    const share = (x: number) => (reports ? x / reports : 0);
    return {
      reports,
      recall: share(recalled),
      reportsOffered: share(reportsOffered),
      missed: share(reports - recalled - reportsOffered),
      questions,
      falseReports: questions ? falseReports / questions : 0,
      offered,
    };
  };
  return { all: count(), sv: count('sv'), fi: count('fi') };
}
