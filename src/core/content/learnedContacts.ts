import type { Analyzer } from '../language/analyzer';
import type { ContentLang } from '../language/lang';
import type { LearnedContent } from './learnedContent';

/** Share of a taught question's word stems an unanswered question must contain for its contact to be named. */
export const CONTACT_MATCH_SHARE = 0.6;

/**
 * Whom to name when a question gets no answer: the contact taught for the most similar question (by shared word
 * stems), when one is similar enough; otherwise none, and the default contact is named.
 */
export class LearnedContacts {
  private readonly entries: { stems: Set<string>; lang: ContentLang; contact: string }[];

  constructor(
    private readonly analyzer: Analyzer,
    contacts: LearnedContent['contacts'],
  ) {
    this.entries = contacts
      .map((c) => ({ stems: new Set(analyzer.terms(c.text, c.lang)), lang: c.lang, contact: c.contact }))
      .filter((e) => e.stems.size > 0);
  }

  find(question: string, lang: ContentLang): string | undefined {
    let best: { share: number; contact: string } | undefined;
    const cache = new Map<ContentLang, Set<string>>();
    for (const entry of this.entries) {
      const asked = cache.get(entry.lang) ?? new Set(this.analyzer.terms(question, entry.lang));
      cache.set(entry.lang, asked);
      let shared = 0;
      for (const s of entry.stems) if (asked.has(s)) shared++;
      const share = shared / entry.stems.size;
      if (entry.lang !== lang && share < 1) continue;
      if (share >= CONTACT_MATCH_SHARE && (!best || share > best.share)) best = { share, contact: entry.contact };
    }
    return best?.contact;
  }
}
