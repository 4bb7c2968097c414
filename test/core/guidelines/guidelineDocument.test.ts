import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGuidelineDocuments, parseGuidelineDocument } from '../../../src/core/guidelines/guidelineDocument';
import { splitIntoPassages } from '../../../src/core/guidelines/passage';
import { isContentError } from '../../../src/core/errors';
import { REPO_ROOT } from '../../../src/core/i18n';

const GOOD_FRONT = `---
id: demo
title: "Demo"
organisation: "Demo kommun"
country: FI
language: sv
date: "2020"
audience: "staff"
kind: guideline
---
`;

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('parseGuidelineDocument', () => {
  it('names the file and the field of invalid front matter', () => {
    const err = errorOf(() => parseGuidelineDocument(GOOD_FRONT.replace('country: FI', 'country: NO'), 'content/guidelines/demo.md'));
    expect(isContentError(err)).toBe(true);
    expect(err.message).toContain('content/guidelines/demo.md');
    expect(err.message).toContain('"country"');
  });

  it('names a missing field', () => {
    const err = errorOf(() => parseGuidelineDocument(GOOD_FRONT.replace('audience: "staff"\n', ''), 'x/demo.md'));
    expect(err.message).toContain('"audience"');
  });

  it('rejects a file without front matter', () => {
    expect(errorOf(() => parseGuidelineDocument('# Title\ntext', 'x/demo.md')).message).toContain('front matter');
  });

  it('reads sections, sub-sections, paragraphs and nested lists', () => {
    const doc = parseGuidelineDocument(
      `${GOOD_FRONT}\nIntro text.\n\n## 1. Rules\n\nLead-in:\n- first\n  - nested\n- second\n\n### 1.1. Sub\n\nPara.\n`,
      'x/demo.md',
    );
    expect(doc.sections.map((s) => s.heading)).toEqual(['Demo', '1. Rules', '1.1. Sub']);
    expect(doc.sections[2]!.trail).toEqual(['1. Rules', '1.1. Sub']);
    expect(doc.sections[1]!.blocks[1]).toEqual({
      type: 'list',
      items: [
        { line: '- first', children: ['- nested'] },
        { line: '- second', children: [] },
      ],
    });
  });
});

describe('passages of the real content', () => {
  const docs = loadGuidelineDocuments(path.join(REPO_ROOT, 'content', 'guidelines'));
  const passages = splitIntoPassages(docs);

  it('covers all five documents, each passage with a full citation', () => {
    expect(new Set(passages.map((p) => p.source.docId)).size).toBe(5);
    for (const p of passages) {
      expect(p.source.organisation).not.toBe('');
      expect(p.source.title).not.toBe('');
      expect(p.source.section).not.toBe('');
      expect(['sv', 'fi']).toContain(p.source.lang);
    }
  });

  it('quotes the documents verbatim: every line of a passage is a line of its document', () => {
    for (const p of passages) {
      const doc = docs.find((d) => d.meta.id === p.source.docId)!;
      const body = fs.readFileSync(doc.file, 'utf8');
      for (const line of p.text.split('\n')) expect([p.id, body.includes(line.trim())]).toEqual([p.id, true]);
    }
  });

  it('never has a passage that is only a heading, a label or a URL', () => {
    for (const p of passages) {
      expect(p.body.trim()).not.toMatch(/^(https?:\/\/\S+|[^.!?]{0,40}:)$/);
      expect(p.body.length).toBeGreaterThan(40);
    }
  });

  it('keeps passages short enough to quote in chat', () => {
    for (const p of passages) expect([p.id, p.body.length <= 900]).toEqual([p.id, true]);
  });

  it('gives each item of a long rule list its own passage, led by the list\'s lead-in', () => {
    const passwords = passages.find((p) => p.body.includes('Samma lösenord får inte användas'))!;
    expect(passwords.lead).toMatch(/följande regler följas:$/);
    expect(passwords.body).not.toContain('2-faktors');
  });

  it('marks the SKL blog as commentary', () => {
    expect(passages.filter((p) => p.source.docId === 'skl-checklista-blogg').every((p) => p.source.kind === 'commentary')).toBe(true);
  });

  it('loads from a folder and fails clearly on an empty one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-empty-'));
    expect(errorOf(() => loadGuidelineDocuments(dir)).message).toContain(dir);
  });
});
