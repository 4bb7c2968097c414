// A jest reporter that ends the run with one line saying what was skipped and why. Test files say why they
// skip through test/helpers/skips.ts (`noteSkip`), which appends to a notes directory this reporter creates
// and names in SOMEBOT_SKIP_NOTES (worker processes inherit it). Skipped tests are counted from the results.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

class SkipSummaryReporter {
  constructor() {
    this.notesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-skips-'));
    process.env.SOMEBOT_SKIP_NOTES = this.notesDir;
  }

  /** Notes by test file: [{ testPath, topic, reason }]. */
  readNotes() {
    const notes = [];
    for (const file of fs.readdirSync(this.notesDir)) {
      for (const line of fs.readFileSync(path.join(this.notesDir, file), 'utf8').split('\n')) {
        if (line.trim() !== '') notes.push(JSON.parse(line));
      }
    }
    return notes;
  }

  onRunComplete(_contexts, results) {
    let notes = [];
    try {
      notes = this.readNotes();
    } finally {
      fs.rmSync(this.notesDir, { recursive: true, force: true });
    }
    const line = summaryLine(results.testResults, notes);
    // Jest's own summary is written after every reporter's onRunComplete: this line goes last, at exit.
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}

/** "Skipped: …" in one line: skipped tests per reason, and whole variants not run (no test to count). */
function summaryLine(fileResults, notes) {
  const byFile = new Map();
  for (const note of notes) {
    const list = byFile.get(note.testPath) ?? [];
    if (!list.some((n) => n.topic === note.topic)) list.push(note);
    byFile.set(note.testPath, list);
  }
  const tests = new Map(); // "topic (reason)" -> skipped test count
  const variants = new Map(); // "topic (reason)" -> files whose variant was left out
  for (const file of fileResults) {
    const skipped = file.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo').length;
    const fileNotes = byFile.get(file.testFilePath) ?? [];
    if (skipped > 0) {
      const key = fileNotes.length > 0 ? fileNotes.map(label).join('; ') : `tests in ${path.basename(file.testFilePath)} (no reason given)`;
      tests.set(key, (tests.get(key) ?? 0) + skipped);
    }
    for (const note of fileNotes) {
      if (skipped === 0) variants.set(label(note), (variants.get(label(note)) ?? 0) + 1);
    }
  }
  const total = [...tests.values()].reduce((a, b) => a + b, 0);
  if (total === 0 && variants.size === 0) return 'Skipped: nothing.';
  const parts = [...tests].map(([key, count]) => `${count} ${count === 1 ? key.replace(/(^|\s)tests /, '$1test ') : key}`);
  for (const [key, files] of variants) parts.push(`the ${key.replace(/ tests \(/, ' runs (')} of ${files} more ${files === 1 ? 'file' : 'files'}`);
  return `Skipped: ${total} ${total === 1 ? 'test' : 'tests'} — ${parts.join('; ')}.`;
}

function label(note) {
  return `${note.topic} tests (${note.reason})`;
}

module.exports = SkipSummaryReporter;
module.exports.summaryLine = summaryLine;
