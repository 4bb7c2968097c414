import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { contentCommand } from '../../../src/cli/commands/content';
import type { CliIo } from '../../../src/cli/command';
import { loadGuidelineContent } from '../../../src/core/guidelines/guidelineContent';
import { buildGuidelineIndex } from '../../../src/core/guidelines/guidelineIndex';
import { REPO_ROOT } from '../../../src/core/i18n';

const RULE_SV = 'Den som svarar på kommentarer i kommunens kanaler ska alltid skriva under med sitt förnamn.';
const RULE_SV_2 = 'Bilder på barn publiceras endast med vårdnadshavarens skriftliga samtycke.';
const RULE_FI = 'Kunnan kanavilla kommentteihin vastaava kirjoittaa aina oman etunimensä viestin loppuun.';

let dir: string;
let contentDir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-import-'));
  contentDir = path.join(dir, 'content');
  fs.cpSync(path.join(REPO_ROOT, 'content'), contentDir, { recursive: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
  const code = await contentCommand({ env: { SOMEBOT_LANG: 'en', SOMEBOT_CONTENT_DIR: contentDir, SOMEBOT_DATA_DIR: path.join(dir, 'data') } }).run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function importedText(id: string): string {
  return fs.readFileSync(path.join(contentDir, 'guidelines', `${id}.md`), 'utf8');
}

/** The imported document is part of the index built from the content folder, its passages with their own words. */
function expectIndexed(id: string, rule: string) {
  const index = buildGuidelineIndex(loadGuidelineContent(contentDir));
  expect([...index.passages.values()].some((p) => p.source.docId === id && p.text === rule)).toBe(true);
}

/** An import parses the file, then builds and self-tests a guideline index: seconds alone, far more on a busy machine. */
const IMPORT_TIMEOUT_MS = 120_000;

describe('somebot content import', () => {
  it('turns a .docx into a guideline document with sections from its headings, words verbatim, then checks it', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Riktlinjer för kommentarer', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Att svara på kommentarer', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: RULE_SV }),
            new Paragraph({ text: 'Bilder', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: RULE_SV_2 }),
          ],
        },
      ],
    });
    const file = path.join(dir, 'kommentarer.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const result = await run(['import', file, '--org', 'testby', '--lang', 'sv', '--organisation', 'Testby kommun']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const id = 'testby-riktlinjer-for-kommentarer';
    const md = importedText(id);
    expect(md).toMatch(/^---\nid: testby-riktlinjer-for-kommentarer\ntitle: Riktlinjer för kommentarer\norganisation: Testby kommun\norg: testby\ncountry: SE\nlanguage: sv\n/);
    expect(md).toContain(`## Att svara på kommentarer\n\n${RULE_SV}`);
    expect(md).toContain(`## Bilder\n\n${RULE_SV_2}`);
    expect(result.out).toContain('self-test');
    expect(result.out).toContain('search terms: 0 of 2 passages');
    expectIndexed(id, RULE_SV);
    // Importing the same again does not overwrite it.
    expect((await run(['import', file, '--org', 'testby', '--lang', 'sv'])).code).toBe(1);
  }, IMPORT_TIMEOUT_MS);

  it('turns a saved web page into one, leaving navigation and footers out', async () => {
    const file = path.join(dir, 'ohje.html');
    fs.writeFileSync(
      file,
      `<!doctype html><html><head><title>x</title><style>p{}</style></head><body>
<nav><a href="/">Etusivu</a> | <a href="/en">In English</a></nav>
<header>Testilän kunta – verkkosivut</header>
<main><h1>Somen pelisäännöt</h1>
<h2>Kommentteihin vastaaminen</h2><p>${RULE_FI.replace('aina', '<strong>aina</strong>')}</p>
<h3>Luettelo</h3><ul><li>Ole kohtelias.</li><li>Älä provosoidu.</li></ul></main>
<footer>© Testilän kunta 2026</footer><script>track()</script></body></html>`,
    );
    const result = await run(['import', file, '--org', 'testila', '--lang', 'fi', '--id', 'testila-somen-pelisaannot']);
    expect(result.code).toBe(0);
    const md = importedText('testila-somen-pelisaannot');
    expect(md).toContain('title: Somen pelisäännöt');
    expect(md).toContain('country: FI');
    expect(md).toContain(`## Kommentteihin vastaaminen\n\n${RULE_FI}`);
    expect(md).toContain('### Luettelo\n\n- Ole kohtelias.\n- Älä provosoidu.');
    for (const furniture of ['Etusivu', 'verkkosivut', '©', 'track()', 'p{}']) expect(md).not.toContain(furniture);
    expect(md).toMatch(/---\n\n## Kommentteihin vastaaminen/);
    expectIndexed('testila-somen-pelisaannot', RULE_FI);
  }, IMPORT_TIMEOUT_MS);

  it('turns a PDF into one: headings by size, running headers and page numbers removed, lines joined', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const pages: [string, string[]][] = [
      ['Kommentarer', ['Den som svarar på kommentarer i kommunens kanaler ska alltid', 'skriva under med sitt förnamn.']],
      ['Bilder', ['Bilder på barn publiceras endast med vårdnadshavarens', 'skriftliga samtycke.']],
      ['Övrigt', ['Kontakta kommunikationsenheten vid frågor.']],
    ];
    pages.forEach(([heading, lines], i) => {
      const page = pdf.addPage([595, 842]);
      page.drawText('Provby kommun – Riktlinjer för sociala medier', { x: 50, y: 800, size: 9, font });
      page.drawText(heading, { x: 50, y: 740, size: 16, font: bold });
      lines.forEach((line, n) => page.drawText(line, { x: 50, y: 700 - n * 14, size: 11, font }));
      page.drawText(String(i + 1), { x: 290, y: 30, size: 9, font });
    });
    const file = path.join(dir, 'provby.pdf');
    fs.writeFileSync(file, await pdf.save());
    const result = await run(['import', file, '--org', 'provby', '--lang', 'sv', '--title', 'Riktlinjer för sociala medier']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const md = importedText('provby-riktlinjer-for-sociala-medier');
    expect(md).toContain(`## Kommentarer\n\n${RULE_SV}`);
    expect(md).toContain(`## Bilder\n\n${RULE_SV_2}`);
    expect(md).not.toContain('Provby kommun –');
    expect(md).not.toMatch(/^\d+$/m);
    expectIndexed('provby-riktlinjer-for-sociala-medier', RULE_SV_2);
  }, IMPORT_TIMEOUT_MS);

  it('refuses what it cannot import with a clear message and changes nothing', async () => {
    const before = fs.readdirSync(path.join(contentDir, 'guidelines')).length;
    const odd = path.join(dir, 'notes.rtf');
    fs.writeFileSync(odd, '{\\rtf1 x}');
    const rtf = await run(['import', odd, '--org', 'x', '--lang', 'sv']);
    expect(rtf.code).toBe(1);
    expect(rtf.err).toContain('.rtf');
    expect((await run(['import', odd, '--lang', 'sv'])).code).toBe(2);
    expect((await run(['import', odd, '--org', 'x', '--lang', 'en'])).code).toBe(2);
    expect(fs.readdirSync(path.join(contentDir, 'guidelines')).length).toBe(before);
  });
});

describe('somebot content check', () => {
  it('reports vocabulary and the self-test per document', async () => {
    const result = await run(['check', '--doc', 'vimmerby-narvaro', '--json']);
    expect(result.code).toBe(0);
    const [check] = JSON.parse(result.out) as { docId: string; passages: number; withSearchTerms: number; exampleQuestions: number; examplesFoundFirst: number }[];
    expect(check!.docId).toBe('vimmerby-narvaro');
    expect(check!.withSearchTerms).toBe(check!.passages);
    expect(check!.examplesFoundFirst).toBeGreaterThan(check!.exampleQuestions * 0.8);
    expect((await run(['check', '--doc', 'nope'])).code).toBe(2);
  });
});
