import fs from 'node:fs';
import path from 'node:path';
import { lunr } from '../../../src/core/language/lunrLanguages';
import { LunrScorer, type TermClause } from '../../../src/core/guidelines/lunrScorer';
import { FIELDS, questionPassage } from '../../../src/core/guidelines/guidelineIndex';
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

const questions = fs
  .readdirSync(path.join(__dirname, '..', '..', 'fixtures'))
  .filter((f) => /^questions.*\.jsonl$/.test(f))
  .flatMap((f) =>
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

  it('gives each passage the best score among its example questions (bestByKey), as lunr scores them', () => {
    // Clauses without groups: scoreGrouped then scores as lunr does, and `score` (compared with lunr above) is
    // an independent reference for it.
    for (const q of questions.slice(0, 200)) {
      const clauses = clausesFor(q).filter((c) => c.field === FIELDS.sv.asked || c.field === FIELDS.fi.asked);
      const expected = new Map<string, number>();
      for (const r of index.questionScorer.score(clauses)) expected.set(questionPassage(r.ref), Math.max(expected.get(questionPassage(r.ref)) ?? 0, r.score));
      const best = index.questionScorer.bestByKey(clauses, questionPassage);
      expect([q, [...best.keys()].sort()]).toEqual([q, [...expected.keys()].sort()]);
      for (const [key, score] of best) expect([q, key, score]).toEqual([q, key, expect.closeTo(expected.get(key)!, 9)]);
    }
  });

  it('ignores terms the index does not have and returns nothing for no clauses', () => {
    expect(index.scorer.score([])).toEqual([]);
    expect(index.scorer.score([{ term: 'zzzqqq', field: FIELDS.sv.body, boost: 1 }])).toEqual([]);
  });

  describe('grouped (dis-max) scoring', () => {
    // Passage a repeats three synonyms of one question word; b has one of them and the question's other word.
    const idx = lunr(function () {
      this.ref('id');
      this.field('body');
      this.add({ id: 'a', body: 'radera ta bort avpublicera kanal' });
      this.add({ id: 'b', body: 'radera kommentar kanal' });
      this.add({ id: 'c', body: 'webbplats' });
    });
    const scorer = new LunrScorer(idx);
    const clauses: TermClause[] = [
      ...['radera', 'bort', 'avpublicera'].map((term) => ({ term, field: 'body', boost: 1, group: 0 })),
      { term: 'kommentar', field: 'body', boost: 1, group: 1 },
    ];

    it('lets the passage that matches more of the question win over one that repeats synonyms', () => {
      expect(scorer.score(clauses)[0]!.ref).toBe('a');
      expect(scorer.scoreGrouped(clauses)[0]!.ref).toBe('b');
    });

    it('scores like lunr when no two clauses share a group, and adds the tie breaker share of a group\'s other matches', () => {
      const single = clauses.map((c, i) => ({ ...c, group: i }));
      const ours = new Map(scorer.scoreGrouped(single).map((r) => [r.ref, r.score]));
      for (const r of scorer.score(single)) expect(ours.get(r.ref)).toBeCloseTo(r.score, 9);
      const none = scorer.scoreGrouped(clauses, 0).find((r) => r.ref === 'a')!.score;
      const all = scorer.scoreGrouped(clauses, 1).find((r) => r.ref === 'a')!.score;
      expect(all).toBeCloseTo(scorer.score(clauses).find((r) => r.ref === 'a')!.score, 9);
      expect(none).toBeLessThan(all);
    });
  });
});
