/**
 * Measures starter vocabulary (seeded search terms) on a document stripped of its curation:
 *   node dist/bench/seedingMeasure.js DOC_ID [DOC_ID ...]
 * For each document: copies content/ to a temp dir without content/search-terms/<doc>.yaml and
 * content/example-questions/<doc>.yaml, builds the index without and with seeding, and prints top-1 / top-3 over
 * the questions of test/fixtures/questions*.jsonl whose expected passage is in that document (a question
 * counts for a document when an expected phrase occurs in one of its passages, as evaluation.ts matches them).
 * The curated content (nothing stripped) is shown too, as the ceiling.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGuidelineContent } from '../core/guidelines/guidelineContent';
import { buildGuidelineIndex } from '../core/guidelines/guidelineIndex';
import { DEFAULT_ANSWER_POLICY, GuidelineAnswerer } from '../core/guidelines/guidelineAnswerer';
import { IntentClassifier } from '../core/intents/intentClassifier';
import { evalItemSchema, evaluate, toBatchLine, type EvalItem, type Scores } from '../core/guidelines/evaluation';
import { normalizeForMatch } from '../core/text/normalize';

/** A copy of `contentDir` in a temp dir without the curated vocabulary of `docId`. */
export function strippedCopy(contentDir: string, docId: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `somebot-stripped-${docId}-`));
  fs.cpSync(contentDir, dir, { recursive: true });
  for (const sub of ['search-terms', 'example-questions']) fs.rmSync(path.join(dir, sub, `${docId}.yaml`), { force: true });
  return dir;
}

function readItems(fixtureDir: string): EvalItem[] {
  const files = fs.readdirSync(fixtureDir).filter((f) => /^questions.*\.jsonl$/.test(f)).sort();
  return files.flatMap((f) =>
    fs
      .readFileSync(path.join(fixtureDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => evalItemSchema.parse(JSON.parse(l)))
      .map((item) => ({ ...item, id: `${f}:${item.id}` })),
  );
}

function score(contentDir: string, items: EvalItem[], seed: boolean): Scores {
  const index = buildGuidelineIndex(loadGuidelineContent(contentDir), { seed });
  const answerer = new GuidelineAnswerer(index, new IntentClassifier(index.saved.intentCues, index.saved.intentModel), DEFAULT_ANSWER_POLICY);
  const lines = items.map((item) => toBatchLine(item.id, answerer.answer(item.q)));
  return evaluate(items, lines).retrieval.all;
}

const fmt = (s: Scores) => `top-1 ${s.top1.toFixed(3)}  top-3 ${s.top3.toFixed(3)}  MRR ${s.mrr.toFixed(3)}`;

function main(): void {
  const root = path.resolve(__dirname, '..', '..');
  const contentDir = path.join(root, 'content');
  const docs = process.argv.slice(2);
  if (docs.length === 0) {
    console.error('usage: node dist/bench/seedingMeasure.js DOC_ID [DOC_ID ...]');
    process.exitCode = 2;
    return;
  }
  const all = readItems(path.join(root, 'test', 'fixtures')).filter((i) => !i.unanswerable && (i.expect?.length ?? 0) > 0);
  const passages = loadGuidelineContent(contentDir).passages;
  for (const docId of docs) {
    const texts = passages.filter((p) => p.source.docId === docId).map((p) => normalizeForMatch(p.text));
    if (texts.length === 0) throw new Error(`no document ${docId}`);
    const items = all.filter((i) => i.expect!.map(normalizeForMatch).some((ph) => ph.length > 0 && texts.some((t) => t.includes(ph))));
    const dir = strippedCopy(contentDir, docId);
    try {
      console.log(`${docId}: ${items.length} questions (test/fixtures/questions*.jsonl)`);
      console.log(`  curated            ${fmt(score(contentDir, items, true))}`);
      console.log(`  stripped, no seed  ${fmt(score(dir, items, false))}`);
      console.log(`  stripped, seeded   ${fmt(score(dir, items, true))}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (require.main === module) main();
