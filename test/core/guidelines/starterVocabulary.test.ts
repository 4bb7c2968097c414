import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strippedCopy } from '../../../src/bench/seedingMeasure';
import { loadGuidelineContent } from '../../../src/core/guidelines/guidelineContent';
import { buildGuidelineIndex, type GuidelineIndex } from '../../../src/core/guidelines/guidelineIndex';
import { searchGuidelines } from '../../../src/core/guidelines/search';
import { REPO_ROOT } from '../../../src/core/i18n';

// A Swedish-only document made by the test, with no search terms and no example questions. Its rule never
// names its topic: only its heading does, and the glossary (one entry the test adds) knows the Finnish word.
const DOC = `---
id: testkommun-luften
title: "Riktlinjer för filmning från luften"
organisation: "Testkommun"
country: SE
language: sv
date: "2026"
audience: "staff"
kind: guideline
---

## Drönare

Filmning från luften får publiceras i kommunens kanaler först när förvaltningschefen har godkänt materialet.
`;
const GLOSSARY_ENTRY = '  - sv: [drönare, drönarfilmning]\n    fi: [drooni, lennokki]\n';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-seeding-'));
  fs.cpSync(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'guidelines', 'testkommun-luften.md'), DOC);
  fs.appendFileSync(path.join(dir, 'glossary.yaml'), GLOSSARY_ENTRY);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function rankOf(index: GuidelineIndex, question: string, lang: 'sv' | 'fi', passageId: string): number {
  return searchGuidelines(index, question, lang, 10).hits.findIndex((h) => h.passage.id === passageId) + 1;
}

describe('starter vocabulary for passages without curated search terms', () => {
  it('lets a Finnish question find a Swedish-only rule through its heading and the glossary, only when seeded', () => {
    const content = loadGuidelineContent(dir);
    const rule = content.passages.find((p) => p.source.docId === 'testkommun-luften')!;
    const plain = buildGuidelineIndex(content, { seed: false });
    const seeded = buildGuidelineIndex(content);
    for (const question of ['Saako droonia käyttää?', 'Saako droonivideon julkaista?']) {
      expect(rankOf(plain, question, 'fi', rule.id)).toBe(0);
      // Not found among the first ten without seeding; found among them with it.
      expect(rankOf(seeded, question, 'fi', rule.id)).toBeGreaterThanOrEqual(1);
    }
    // The Finnish words came from the glossary entry, into the passage's own terms.
    const fiStem = seeded.analyzer.terms('lennokki', 'fi')[0]!;
    expect(seeded.passageTerms.get(rule.id)!.own.fi.has(fiStem)).toBe(true);
    expect(plain.passageTerms.get(rule.id)!.own.fi.has(fiStem)).toBe(false);
  });

  it('leaves curated content exactly as it was', () => {
    const content = loadGuidelineContent(path.join(REPO_ROOT, 'content'));
    const plain = buildGuidelineIndex(content, { seed: false });
    const seeded = buildGuidelineIndex(content);
    expect(JSON.stringify(seeded.saved)).toEqual(JSON.stringify(plain.saved));
  });

  it('finds every passage of a document stripped of its curation by its own first sentence once seeded', () => {
    const stripped = strippedCopy(path.join(REPO_ROOT, 'content'), 'enontekio-ohjeistus');
    try {
      const content = loadGuidelineContent(stripped);
      const passages = content.passages.filter((p) => p.source.docId === 'enontekio-ohjeistus');
      const found = (index: GuidelineIndex) =>
        passages.filter((p) => rankOf(index, p.body.split(/(?<=[.!?])\s/)[0]!, p.source.lang, p.id) > 0).length;
      const plain = found(buildGuidelineIndex(content, { seed: false }));
      const seeded = found(buildGuidelineIndex(content));
      expect(seeded).toBe(passages.length);
      expect(seeded).toBeGreaterThan(plain);
    } finally {
      fs.rmSync(stripped, { recursive: true, force: true });
    }
  });
});
