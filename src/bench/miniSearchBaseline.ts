import MiniSearch, { type Options } from 'minisearch';
import type { Passage } from '../core/guidelines/passage';
import type { RankedRef } from './baselineLine';

interface PassageDoc {
  id: string;
  text: string;
}

/** MiniSearch over the passages' text with fuzzy and prefix matching (what its documentation suggests). */
const OPTIONS: Options<PassageDoc> = {
  fields: ['text'],
  searchOptions: { fuzzy: 0.2, prefix: true },
};

export function buildMiniSearchBaseline(passages: readonly Passage[]): MiniSearch<PassageDoc> {
  const index = new MiniSearch<PassageDoc>(OPTIONS);
  index.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  return index;
}

/** Loads a baseline index saved with JSON.stringify. */
export function loadMiniSearchBaseline(json: string): MiniSearch<PassageDoc> {
  return MiniSearch.loadJSON<PassageDoc>(json, OPTIONS);
}

export function searchMiniSearchBaseline(index: MiniSearch<PassageDoc>, question: string): RankedRef[] {
  return index.search(question).map((r) => ({ ref: String(r.id), score: r.score }));
}
