import type { BatchLine } from '../core/guidelines/evaluation';
import type { Passage } from '../core/guidelines/passage';

/** One ranked result of a baseline search engine: a passage id and the engine's score. */
export interface RankedRef {
  ref: string;
  score: number;
}

/**
 * The scoring line of a baseline's result: the first ten known passages in the engine's order. A baseline
 * has no refusal, so every question counts as answered.
 */
export function baselineLine(id: string, results: readonly RankedRef[], passages: ReadonlyMap<string, Passage>): BatchLine {
  const ranked = results.flatMap((r) => {
    const passage = passages.get(r.ref);
    return passage ? [{ passage, score: r.score }] : [];
  });
  return {
    id,
    lang: '',
    intent: 'question',
    answered: true,
    passages: ranked.slice(0, 10).map(({ passage, score }) => ({
      text: passage.text,
      score: Math.round(score * 1e4) / 1e4,
      source: {
        docId: passage.source.docId,
        title: passage.source.title,
        organisation: passage.source.organisation,
        lang: passage.source.lang,
        section: passage.source.section,
      },
    })),
  };
}
