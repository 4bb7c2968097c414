import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAndSaveIndex, loadOrBuildIndex } from '../../../src/core/guidelines/indexFile';
import { contentFiles, hashContent } from '../../../src/core/guidelines/contentHash';
import { isContentError } from '../../../src/core/errors';
import { REPO_ROOT } from '../../../src/core/i18n';
import { searchGuidelines } from '../../../src/core/guidelines/search';

function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-content-'));
  fs.cpSync(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  return dir;
}

describe('saved index', () => {
  const content = copyContent();
  const file = path.join(content, 'index.json');
  const built = buildAndSaveIndex(content, file);

  it('loads the saved index when the content is unchanged, with the same answers', () => {
    const { index, origin } = loadOrBuildIndex(content, file);
    expect(origin).toBe('loaded');
    const q = 'Vem godkänner en ny kanal?';
    expect(searchGuidelines(index, q, 'sv').hits.map((h) => h.passage.id)).toEqual(searchGuidelines(built, q, 'sv').hits.map((h) => h.passage.id));
  });

  it('a new data folder copies the shipped index of the same content instead of building one', () => {
    const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-data-')), 'guideline-index.json');
    // The shipped index is told apart from a fresh build by a passage text no build would produce.
    const shipped = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-dist-')), 'guideline-index.json');
    const marked = JSON.parse(fs.readFileSync(file, 'utf8'));
    marked.passages[0].text = 'Från byggsteget.';
    fs.writeFileSync(shipped, JSON.stringify(marked));
    const first = loadOrBuildIndex(content, dataFile, shipped);
    expect(first.origin).toBe('copied-shipped');
    expect(first.index.passages.get(marked.passages[0].id)?.text).toBe('Från byggsteget.');
    expect(fs.readFileSync(dataFile, 'utf8')).toBe(fs.readFileSync(shipped, 'utf8'));
    expect(loadOrBuildIndex(content, dataFile, shipped).origin).toBe('loaded');
  });

  it('a shipped index made from other content or by other code is not taken: the data folder builds its own', () => {
    const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-data-')), 'guideline-index.json');
    const shipped = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-dist-')), 'guideline-index.json');
    const other = JSON.parse(fs.readFileSync(file, 'utf8'));
    other.contentHash = 'f'.repeat(64);
    other.passages[0].text = 'Från byggsteget.';
    fs.writeFileSync(shipped, JSON.stringify(other));
    const { index, origin } = loadOrBuildIndex(content, dataFile, shipped);
    expect(origin).toBe('built-missing');
    expect(index.passages.get(other.passages[0].id)?.text).not.toBe('Från byggsteget.');
    expect(loadOrBuildIndex(content, path.join(path.dirname(dataFile), 'none', 'index.json'), path.join(path.dirname(shipped), 'missing.json')).origin).toBe('built-missing');
  });

  it('detects a stale index by the content hash and rebuilds it', () => {
    const doc = path.join(content, 'guidelines', 'skl-checklista-blogg.md');
    fs.appendFileSync(doc, '\nEn helt ny mening om zebrakanaler.\n');
    const { index, origin } = loadOrBuildIndex(content, file);
    expect(origin).toBe('built-stale');
    expect(searchGuidelines(index, 'zebrakanaler', 'sv').hits[0]?.passage.text).toContain('zebrakanaler');
    expect(loadOrBuildIndex(content, file).origin).toBe('loaded');
  });

  it('an index saved by other code from the same content is stale (a new release never reads an older release\'s index)', () => {
    const dir = copyContent();
    const saved = path.join(dir, 'index.json');
    buildAndSaveIndex(dir, saved);
    // As an older release wrote it: same content, a hash without this code's fingerprint, and cue lists it did not know.
    const old = JSON.parse(fs.readFileSync(saved, 'utf8'));
    const contentOnly = crypto.createHash('sha256');
    for (const file of contentFiles(dir)) contentOnly.update(path.relative(dir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    old.contentHash = contentOnly.digest('hex');
    delete old.intentCues.categories.media_contact;
    fs.writeFileSync(saved, JSON.stringify(old));
    const { index, origin } = loadOrBuildIndex(dir, saved);
    expect(origin).toBe('built-stale');
    expect(index.saved.intentCues.categories.media_contact.sv.length).toBeGreaterThan(0);
    expect(hashContent(dir)).not.toBe(old.contentHash);
  });

  it('indexes example questions with their passage; editing them makes the saved index stale', () => {
    const dir = copyContent();
    const saved = path.join(dir, 'index.json');
    buildAndSaveIndex(dir, saved);
    const file = path.join(dir, 'example-questions', 'vimmerby-narvaro.yaml');
    // A word no guideline, search term or example question uses, asked of one passage.
    fs.writeFileSync(
      file,
      'sections:\n  - section: "Inledning"\n    passages:\n      - contains: "I händelse av kris"\n' +
        '        sv: ["Vad gör vi om kommunens hemsida blir zebrabelägrad?"]\n        fi: ["Entä jos kunnan sivut ovat seeprapiirityksessä?"]\n',
    );
    const { index, origin } = loadOrBuildIndex(dir, saved);
    expect(origin).toBe('built-stale');
    for (const [q, lang] of [['zebrabelägrad', 'sv'], ['seeprapiirityksessä', 'fi']] as const) {
      expect(searchGuidelines(index, q, lang).hits[0]?.passage.text).toContain('I händelse av kris');
    }
  });

  it('fails naming the file and the entry on an example question for a passage that is not there', () => {
    const bad = copyContent();
    const file = path.join(bad, 'example-questions', 'vimmerby-narvaro.yaml');
    fs.writeFileSync(file, 'sections:\n  - section: "Inledning"\n    passages:\n      - contains: "ingen sådan mening"\n        sv: ["Vad?"]\n');
    expect(() => buildAndSaveIndex(bad, path.join(bad, 'index.json'))).toThrow(/vimmerby-narvaro\.yaml: sections\.0\.passages\.0: "ingen sådan mening"/);
  });

  it('fails with a message naming the file and the entry on invalid search terms', () => {
    const bad = copyContent();
    const terms = path.join(bad, 'search-terms', 'skl-checklista-blogg.yaml');
    fs.writeFileSync(terms, 'sections:\n  - section: "Ingen sådan rubrik"\n    sv: [x]\n');
    let err: unknown;
    try {
      buildAndSaveIndex(bad, path.join(bad, 'index.json'));
    } catch (e) {
      err = e;
    }
    expect(isContentError(err)).toBe(true);
    expect((err as Error).message).toContain('skl-checklista-blogg.yaml');
    expect((err as Error).message).toContain('Ingen sådan rubrik');
  });

  it('fails naming the file and field on an invalid glossary', () => {
    const bad = copyContent();
    fs.writeFileSync(path.join(bad, 'glossary.yaml'), 'terms:\n  - sv: lösenord\n');
    expect(() => buildAndSaveIndex(bad, path.join(bad, 'index.json'))).toThrow(/glossary\.yaml: field "terms\.0\.sv"/);
  });
});
