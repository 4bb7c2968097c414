import type { Analyzer } from '../language/analyzer';
import type { ContentLang, UiLang } from '../language/lang';
import type { ClosestPassage, LoggedQuestion } from './records';

/** Share of their stems (shared / all) two questions must have in common to count as the same question. */
export const SAME_QUESTION_SHARE = 0.7;

/** The same question, however typed: its count, where and when it was asked, and the passages closest to it. */
export interface ReviewGroup {
  /** The most frequent wording (the newest among equals). */
  text: string;
  count: number;
  lang: UiLang;
  lastSeen: Date;
  /** Other wordings counted in this group. */
  variants: string[];
  doors: string[];
  /** Why it was not answered: no_match, low_confidence, off_topic. */
  reasons: string[];
  /** Passages the search found closest, best first (best score seen for each). */
  closest: ClosestPassage[];
}

/** Answers marked "not helpful": the question and the passage that was shown. */
export interface UnhelpfulGroup {
  text: string;
  count: number;
  lang: UiLang;
  lastSeen: Date;
  variants: string[];
  passageId: string | null;
}

export interface ContentReview {
  questions: ReviewGroup[];
  unhelpful: UnhelpfulGroup[];
}

/** Case, punctuation, symbols and spacing do not make another question. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

interface Cluster {
  key: string;
  stems: Set<string>;
  lang: UiLang;
  entries: LoggedQuestion[];
}

/**
 * Groups logged questions for content owners: equal after normalising, or near duplicates sharing most of their
 * word stems (in the question's language), count once with their total. Most frequent first, then newest.
 */
export function reviewQuestions(entries: readonly LoggedQuestion[], analyzer: Analyzer): ContentReview {
  const stemsOf = (e: LoggedQuestion) => new Set(analyzer.terms(e.question, contentLangOf(e.lang)));
  const cluster = (list: LoggedQuestion[], sameGroup: (a: LoggedQuestion, b: LoggedQuestion) => boolean): Cluster[] => {
    const clusters: Cluster[] = [];
    const byKey = new Map<string, Cluster>();
    // Oldest first, so a group's key is its first wording; exact matches are found by key, near ones by stems.
    for (const e of [...list].sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())) {
      const key = `${e.lang}\u0000${e.passageId ?? ''}\u0000${normaliseQuestion(e.question)}`;
      let target = byKey.get(key);
      if (!target) {
        const stems = stemsOf(e);
        target = clusters.find((c) => c.lang === e.lang && sameGroup(c.entries[0]!, e) && similar(c.stems, stems));
        if (!target) {
          target = { key, stems, lang: e.lang, entries: [] };
          clusters.push(target);
        }
        byKey.set(key, target);
      }
      target.entries.push(e);
    }
    return clusters.sort((a, b) => b.entries.length - a.entries.length || lastSeen(b).getTime() - lastSeen(a).getTime());
  };

  const unanswered = entries.filter((e) => e.kind === 'unanswered');
  const unhelpful = entries.filter((e) => e.kind === 'unhelpful');
  return {
    questions: cluster(unanswered, () => true).map((c) => ({
      ...wording(c),
      count: c.entries.length,
      lang: c.lang,
      lastSeen: lastSeen(c),
      doors: [...new Set(c.entries.map((e) => e.door))].sort(),
      reasons: [...new Set(c.entries.map((e) => e.reason ?? ''))].filter(Boolean).sort(),
      closest: closestOf(c.entries),
    })),
    unhelpful: cluster(unhelpful, (a, b) => a.passageId === b.passageId).map((c) => ({
      ...wording(c),
      count: c.entries.length,
      lang: c.lang,
      lastSeen: lastSeen(c),
      passageId: c.entries[0]!.passageId,
    })),
  };
}

function contentLangOf(lang: UiLang): ContentLang {
  return lang === 'fi' ? 'fi' : 'sv';
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared) >= SAME_QUESTION_SHARE;
}

function lastSeen(c: Cluster): Date {
  return c.entries.reduce((latest, e) => (e.askedAt > latest ? e.askedAt : latest), c.entries[0]!.askedAt);
}

/** The wording typed most often (newest among equals) and the other wordings. */
function wording(c: Cluster): { text: string; variants: string[] } {
  const counts = new Map<string, { n: number; text: string; at: number }>();
  for (const e of c.entries) {
    const k = normaliseQuestion(e.question);
    const cur = counts.get(k);
    counts.set(k, { n: (cur?.n ?? 0) + 1, text: cur && cur.at > e.askedAt.getTime() ? cur.text : e.question, at: Math.max(cur?.at ?? 0, e.askedAt.getTime()) });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || b.at - a.at);
  return { text: ranked[0]!.text, variants: ranked.slice(1).map((r) => r.text) };
}

function closestOf(entries: LoggedQuestion[]): ClosestPassage[] {
  const best = new Map<string, number>();
  for (const e of entries) for (const c of e.closest) best.set(c.passageId, Math.max(best.get(c.passageId) ?? 0, c.score));
  return [...best.entries()]
    .map(([passageId, score]) => ({ passageId, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
}
