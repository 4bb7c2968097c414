import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAndSaveIndex, loadOrBuildIndex } from '../../../src/core/guidelines/indexFile';
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

  it('detects a stale index by the content hash and rebuilds it', () => {
    const doc = path.join(content, 'guidelines', 'skl-checklista-blogg.md');
    fs.appendFileSync(doc, '\nEn helt ny mening om zebrakanaler.\n');
    const { index, origin } = loadOrBuildIndex(content, file);
    expect(origin).toBe('built-stale');
    expect(searchGuidelines(index, 'zebrakanaler', 'sv').hits[0]?.passage.text).toContain('zebrakanaler');
    expect(loadOrBuildIndex(content, file).origin).toBe('loaded');
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
