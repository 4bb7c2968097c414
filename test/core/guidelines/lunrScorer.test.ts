import fs from 'node:fs';
import path from 'node:path';
import { lunr } from '../../../src/core/language/lunrLanguages';
import type { TermClause } from '../../../src/core/guidelines/lunrScorer';
import { FIELDS } from '../../../src/core/guidelines/guidelineIndex';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const runtime = testGuidelineRuntime();
const index = runtime.index;

/** The clauses search.ts would send for a text: its stems in every field of both languages, with varied boosts. */
function clausesFor(text: string): TermClause[] {
  const clauses: TermClause[] = [];
  for (const lang of ['sv', 'fi'] as const) {
    index.analyzer.analyze(text, lang).forEach((w, i) => {
      for (const field of Object.values(FIELDS[lang])) clauses.push({ term: w.stem, field, boost: 0.3 + (i % 4) * 0.7 });
      for (const part of w.partStems) clauses.push({ term: part, field: FIELDS[lang].body, boost: 0.4 });
    });
  }
  return clauses;
}

function lunrQuery(clauses: TermClause[]) {
  return index.lunr.query((q) => {
    for (const c of clauses) q.term(c.term, { fields: [c.field], boost: c.boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
  });
}

const questions = ['questions.jsonl', 'questions-plain.jsonl'].flatMap((f) =>
  fs
    .readFileSync(path.join(__dirname, '..', '..', 'fixtures', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { q: string }).q),
);

describe('LunrScorer', () => {
  it(`scores like lunr.Index.query on every fixture question (${questions.length})`, () => {
    for (const q of questions) {
      const clauses = clausesFor(q);
      const ours = index.scorer.score(clauses);
      const theirs = lunrQuery(clauses);
      expect([q, ours.length]).toEqual([q, theirs.length]);
      const byRef = new Map(theirs.map((r) => [r.ref, r.score]));
      for (const r of ours) expect([q, r.ref, r.score]).toEqual([q, r.ref, expect.closeTo(byRef.get(r.ref)!, 9)]);
    }
  });

  it('ignores terms the index does not have and returns nothing for no clauses', () => {
    expect(index.scorer.score([])).toEqual([]);
    expect(index.scorer.score([{ term: 'zzzqqq', field: FIELDS.sv.body, boost: 1 }])).toEqual([]);
  });
});
