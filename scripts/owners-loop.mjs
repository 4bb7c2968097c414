#!/usr/bin/env node
// The content owners' loop, run end to end through the product from a file of questions staff asked:
//
//   node scripts/owners-loop.mjs QUESTIONS.jsonl [...more.jsonl] [--exclude MEASURED.jsonl ...] [--port 4201] [--dry-run]
//
// 1. Starts the bot (`somebot start`, web chat demo, a fresh embedded database in a temporary folder) and asks
//    every question of the files through the web chat API, as a member of staff would.
// 2. Gives the verdict staff would give: "Not helpful" (POST /web/api/feedback) when the first passage quoted does
//    not contain the line's `expect` phrase, or when a question the guidelines do not cover (`unanswerable`) got a
//    guideline passage. Questions the bot could not answer are kept by the bot itself.
// 3. Stops the bot and, as a content owner would, reads `somebot content review --json` and teaches each question
//    listed there with `somebot content learn "QUESTION" --passage REF` (the passage that holds the `expect`
//    phrase: the one the owner knows is right) or `--out-of-scope` (for a question the guidelines do not cover).
// 4. Writes what was taught into content/learned.yaml with `somebot content export-learned`.
//
// The files are the teaching stream: never pass a file the answers are measured on. `--exclude FILE` (repeatable)
// names measured files: a stream question worded exactly as one of theirs (after normalising case, punctuation
// and spaces) is not asked, so nothing measured is ever taught. Run `npm run build` first (bin/somebot.js runs
// dist/). Prints every command it runs and a summary; `--dry-run` stops after the review.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadGuidelineContent } = require(path.join(ROOT, 'dist/core/guidelines/guidelineContent.js'));
const { normalizeForMatch } = require(path.join(ROOT, 'dist/core/text/normalize.js'));
const { normaliseQuestion } = require(path.join(ROOT, 'dist/core/content/review.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const port = Number(option('--port', '4201'));
const excluded = [];
for (let file = option('--exclude'); file !== undefined; file = option('--exclude')) excluded.push(file);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: node scripts/owners-loop.mjs QUESTIONS.jsonl [...] [--port N] [--dry-run]');
  process.exit(2);
}

const token = `owners-loop-${process.pid}-${Date.now()}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-owners-loop-'));
const env = {
  ...process.env,
  SOMEBOT_DATA_DIR: dataDir,
  SOMEBOT_INDEX_FILE: path.join(dataDir, 'guideline-index.json'),
  PORT: String(port),
  HOST: '127.0.0.1',
  SOMEBOT_WEB_CHAT: 'demo',
  SOMEBOT_DEMO_TOKEN: token,
  SOMEBOT_LANG: 'en',
};
delete env.DATABASE_URL;
const PERSON = { sv: 'anna.lindqvist', fi: 'mikko.laine' };
const CANCEL = { sv: 'avbryt', fi: 'peruuta' };

const readLines = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const measured = new Set(excluded.flatMap(readLines).map((it) => normaliseQuestion(it.q)));
// The stream: questions (not reports) with what staff would recognise as the right answer, none worded as a measured one.
const stream = files.flatMap(readLines).filter((it) => (it.intent ?? 'question') === 'question' && (it.unanswerable || it.expect?.length));
const items = stream.filter((it) => !measured.has(normaliseQuestion(it.q)));
if (items.length < stream.length) console.log(`left out ${stream.length - items.length} stream questions worded as measured ones`);

const content = loadGuidelineContent(path.join(ROOT, 'content'));
const passageText = new Map(content.passages.map((p) => [p.id, normalizeForMatch(p.text)]));
const holds = (passageId, expect) => {
  const text = passageText.get(passageId) ?? '';
  return expect.some((e) => text.includes(normalizeForMatch(e)));
};
/** The passage the owner knows answers the question: the first (in the candidates' order, then the content's) holding its phrase. */
const rightPassage = (item, candidates) => [...candidates, ...passageText.keys()].find((id) => holds(id, item.expect));

function somebot(cliArgs) {
  console.log(`$ somebot ${cliArgs.map((a) => (/\s|"/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/somebot.js'), ...cliArgs], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.stderr.trim()) console.log(r.stderr.trim());
  return r;
}

async function waitForServer(child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`somebot start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('somebot start did not listen within 120 s');
}

async function post(p, body, lang) {
  const res = await fetch(`http://127.0.0.1:${port}/web/api${p}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Somebot-Demo-Token': token, 'X-Somebot-Person': PERSON[lang], 'X-Somebot-Lang': lang },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`POST ${p} answered ${res.status}`);
  return res.json();
}

/** The feedback block of an answer's HTML: its answer id, first passage, and whether it answered. */
function feedbackOf(html) {
  const m = /data-answer="([^"]+)" data-passage="([^"]*)" data-answered="(true|false)" data-lang="(\w+)"/.exec(html);
  return m ? { answerId: m[1], passageId: m[2] || null, answered: m[3] === 'true', lang: m[4] } : undefined;
}

const tally = { asked: 0, right: 0, wrong: 0, unanswered: 0, outOfScopeAnswered: 0, dialog: 0 };
console.log(`asking ${items.length} questions through the web chat (data in ${dataDir})`);
const server = spawn(process.execPath, [path.join(ROOT, 'bin/somebot.js'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
server.stderr.resume();
try {
  await waitForServer(server);
  for (const item of items) {
    const lang = item.lang === 'fi' ? 'fi' : 'sv';
    tally.asked += 1;
    const { replies } = await post('/messages', { text: item.q }, lang);
    const fb = replies.map((r) => feedbackOf(r.html)).find(Boolean);
    if (!fb) {
      // No answer with feedback buttons: a dialog (taken for a report) or a reply without a guideline answer.
      if (replies.some((r) => r.html.includes('class="bot dialog'))) {
        tally.dialog += 1;
        await post('/messages', { text: CANCEL[lang] }, lang);
      } else tally.unanswered += 1;
      continue;
    }
    if (!fb.answered) {
      tally.unanswered += 1;
      continue;
    }
    const right = !item.unanswerable && fb.passageId !== null && holds(fb.passageId, item.expect);
    if (right) {
      tally.right += 1;
      continue;
    }
    if (item.unanswerable) tally.outOfScopeAnswered += 1;
    else tally.wrong += 1;
    await post('/feedback', { answerId: fb.answerId, verdict: 'not_helpful', lang: fb.lang, answered: true, passageId: fb.passageId }, lang);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
}
console.log(`asked ${tally.asked}: right first ${tally.right}, marked not helpful ${tally.wrong + tally.outOfScopeAnswered} (${tally.outOfScopeAnswered} outside the guidelines), not answered ${tally.unanswered}, taken for a report ${tally.dialog}`);

// The owner's side: what the review lists, and the right passage for each.
const review = somebot(['content', 'review', '--json', '--admin', '--since', '1']);
if (review.status !== 0) throw new Error(`content review failed: ${review.stderr}`);
const { questions, unhelpful } = JSON.parse(review.stdout);
console.log(`review: ${questions.length} unanswered, ${unhelpful.length} not helpful`);
const byText = new Map(items.map((it) => [normaliseQuestion(it.q), it]));
const taught = { passage: 0, outOfScope: 0, refused: 0, unknown: 0, declined: 0 };
for (const group of [...questions.map((g) => ({ ...g, answered: false })), ...unhelpful.map((g) => ({ ...g, answered: true }))]) {
  const candidates = (group.closest ?? []).map((c) => c.passageId).concat(group.shown ? [group.shown.passageId] : []);
  for (const text of [group.text, ...group.variants]) {
    const item = byText.get(normaliseQuestion(text));
    const lang = item?.lang === 'fi' ? 'fi' : 'sv';
    const passage = item && !item.unanswerable ? rightPassage(item, candidates) : undefined;
    // A question outside the guidelines that the bot already declined needs no teaching.
    if (item?.unanswerable && !group.answered) {
      taught.declined += 1;
      continue;
    }
    if (!item || (!item.unanswerable && !passage)) {
      taught.unknown += 1;
      continue;
    }
    if (dryRun) continue;
    const r = somebot(['content', 'learn', text, '--lang', lang, '--admin', ...(passage ? ['--passage', passage] : ['--out-of-scope'])]);
    if (r.status === 0) taught[passage ? 'passage' : 'outOfScope'] += 1;
    else taught.refused += 1;
  }
}
if (!dryRun) {
  const out = somebot(['content', 'export-learned', '--admin']);
  if (out.status !== 0) throw new Error(`content export-learned failed: ${out.stderr}`);
  console.log(out.stdout.trim());
}
console.log(`taught ${taught.passage} example questions, ${taught.outOfScope} out-of-scope questions; refused ${taught.refused}; left (declined rightly, outside the guidelines) ${taught.declined}; no owner's answer for ${taught.unknown}`);
fs.rmSync(dataDir, { recursive: true, force: true });
