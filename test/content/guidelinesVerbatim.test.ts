/**
 * The guideline Markdown in content/guidelines/ must quote its source documents verbatim:
 * only whitespace, list markers, a heading's trailing colon and page furniture may differ.
 * The source texts are kept in test/fixtures/corpus (copies of the published documents and their table),
 * so every check runs on every checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const corpusDir = path.resolve(__dirname, '../fixtures/corpus');
const contentDir = path.resolve(__dirname, '../../content/guidelines');

const IDS = [
  'kyrkslatt-anvisningar',
  'vimmerby-narvaro',
  'kimitoon-fortroendevalda',
  'enontekio-ohjeistus',
  'skl-checklista-blogg',
] as const;
const FIELDS = ['id', 'title', 'organisation', 'country', 'language', 'date', 'audience', 'kind'];
const QUOTED_FIELDS = ['title', 'organisation', 'date', 'audience'];

const FOOTNOTE_MARKERS = /[\u00B9\u00B2\u00B3\u2070-\u2079]/g;

/** NFC, every whitespace run (incl. no-break spaces) to one space, trimmed. */
function collapse(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

interface Doc {
  raw: string;
  frontMatter: string;
  body: string;
}

function readDoc(id: string): Doc {
  const raw = fs.readFileSync(path.join(contentDir, `${id}.md`), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${id}.md: no front matter block`);
  return { raw, frontMatter: m[1] ?? '', body: m[2] ?? '' };
}

function frontMatterOf(doc: Doc): Record<string, unknown> {
  const fm: unknown = parseYaml(doc.frontMatter);
  if (fm === null || typeof fm !== 'object' || Array.isArray(fm)) throw new Error('front matter is not a map');
  return fm as Record<string, unknown>;
}

type BodyLine = { kind: 'h2' | 'h3' | 'item' | 'subitem' | 'numbered' | 'para'; text: string };

/** Body lines with their Markdown markers removed (numbered-list markers stay: the source has them). */
function bodyLines(body: string): BodyLine[] {
  return body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l): BodyLine => {
      let m: RegExpExecArray | null;
      if ((m = /^### (.*)$/.exec(l))) return { kind: 'h3', text: m[1] ?? '' };
      if ((m = /^## (.*)$/.exec(l))) return { kind: 'h2', text: m[1] ?? '' };
      if ((m = /^ {2}- (.*)$/.exec(l))) return { kind: 'subitem', text: m[1] ?? '' };
      if ((m = /^- (.*)$/.exec(l))) return { kind: 'item', text: m[1] ?? '' };
      if (/^\d+\. /.test(l)) return { kind: 'numbered', text: l };
      return { kind: 'para', text: l };
    });
}

/** Source lines (NFC, footnote markers removed, whitespace collapsed) that are content, not furniture or title. */
function sourceContentLines(source: string, title: string): string[] {
  const lines = source
    .normalize('NFC')
    .split('\n')
    .map((l) => collapse(l.replace(FOOTNOTE_MARKERS, '')));
  // Kyrkslätt's table of contents: numbered lines after "Innehåll:" until a number repeats.
  const toc = new Set<number>();
  const tocStart = lines.findIndex((l) => l === 'Innehåll:');
  if (tocStart >= 0) {
    let prev = 0;
    for (let i = tocStart + 1; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l === '') continue;
      const n = /^(\d+)\. /.exec(l);
      if (!n || Number(n[1]) <= prev) break;
      prev = Number(n[1]);
      toc.add(i);
    }
  }
  const rawLines = source.normalize('NFC').split('\n');
  return lines.filter((l, i) => {
    if (l === '' || toc.has(i) || l === title) return false;
    if (l === 'Välj en sida' || /^\d+ svar$/.test(l) || l === 'Innehåll:') return false;
    if (/^[\u00B9\u00B2\u00B3\u2070-\u2079]/.test((rawLines[i] ?? '').trim())) return false; // footnote line
    if (/^<https?:\/\/[^\s>]+>,?$/.test(l)) return false; // footnote continuation (URL only)
    if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(l)) return false; // Kimitoön date line
    if (l === 'Antagen av Kommunfullmäktige' || /^\d{4}-\d{2}-\d{2} § \d+, reviderad /.test(l)) return false;
    if (/^Anvisningarna har sammanställts \d{2}\/\d{4}/.test(l)) return false;
    return true;
  });
}

/** Strips a source line's bullet ("– ", "- "); numbered markers stay. */
function stripSourceBullet(l: string): string {
  return l.replace(/^[-–] /, '');
}

interface ReadmeRow {
  file: string;
  organisation: string;
  country: string;
  language: string;
  date: string;
  audience: string;
  kind: string;
}

/** The metadata table of corpus/README.md, keyed by document id. */
function readmeTable(): Map<string, ReadmeRow> {
  const rows = new Map<string, ReadmeRow>();
  const text = fs.readFileSync(path.join(corpusDir, 'README.md'), 'utf8');
  for (const line of text.split('\n')) {
    if (!/^\| [^|]+\.txt \|/.test(line)) continue;
    const [file = '', organisation = '', country = '', language = '', date = '', audience = '', kind = ''] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.set(file.replace(/\.(sv|fi)\.txt$/, ''), { file, organisation, country, language, date, audience, kind });
  }
  return rows;
}

function sourceFile(id: string): string {
  const name = fs.readdirSync(corpusDir).find((f) => f === `${id}.sv.txt` || f === `${id}.fi.txt`);
  if (!name) throw new Error(`no corpus file for ${id}`);
  return path.join(corpusDir, name);
}

describe('content/guidelines format', () => {
  it.each(IDS)('%s.md has the eight front-matter fields (and optionally readers) with allowed values', (id) => {
    const doc = readDoc(id);
    const fm = frontMatterOf(doc);
    expect(Object.keys(fm).filter((k) => k !== 'readers').sort()).toEqual([...FIELDS].sort());
    if ('readers' in fm) expect(['everyone', 'elected_officials']).toContain(fm.readers);
    for (const f of FIELDS) {
      expect(typeof fm[f]).toBe('string');
      expect((fm[f] as string).trim()).not.toBe('');
    }
    expect(fm.id).toBe(id);
    expect(['FI', 'SE']).toContain(fm.country);
    expect(['sv', 'fi']).toContain(fm.language);
    expect(['guideline', 'commentary']).toContain(fm.kind);
    for (const f of QUOTED_FIELDS) expect(doc.frontMatter).toMatch(new RegExp(`^${f}: ".*"$`, 'm'));
  });

  it('the SKL blog post is commentary, never a municipality rule', () => {
    const fm = frontMatterOf(readDoc('skl-checklista-blogg'));
    expect(fm.kind).toBe('commentary');
    expect(fm.organisation).toMatch(/^Blogg om SKL/);
    for (const id of IDS.filter((i) => i !== 'skl-checklista-blogg')) expect(frontMatterOf(readDoc(id)).kind).toBe('guideline');
  });

  it.each(IDS)('%s.md is NFC, has no trailing spaces, single blank lines, one final newline', (id) => {
    const { raw } = readDoc(id);
    expect(raw).toBe(raw.normalize('NFC'));
    expect(raw).not.toMatch(/[ \t\u00A0]+$/m);
    expect(raw).not.toMatch(/\n\n\n/);
    expect(raw.endsWith('\n') && !raw.endsWith('\n\n')).toBe(true);
    expect(raw).not.toMatch(/\u00A0/);
  });

  it.each(IDS)('%s.md uses only ##/### headings, "- " / "  - " bullets and "1. " items', (id) => {
    for (const line of readDoc(id).body.split('\n')) {
      if (line === '') continue;
      expect(line).not.toMatch(/^#(?!##? )/); // no "# ", no "####"
      expect(line).not.toMatch(/^\s*[–*•] /);
      expect(line).not.toMatch(/^ (?! - )|^ {3,}/); // indentation only as "  - "
    }
  });

  it.each(IDS)('%s.md has no page furniture, footnotes, or lone URLs/labels', (id) => {
    const { body } = readDoc(id);
    expect(body).not.toContain('Välj en sida');
    expect(body).not.toMatch(/^\d+ svar$/m);
    expect(body).not.toMatch(FOOTNOTE_MARKERS);
    expect(body).not.toContain('Innehåll:');
    expect(body).not.toContain('Anvisningarna har sammanställts');
    expect(body).not.toContain('Antagen av Kommunfullmäktige');
    expect(body).not.toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/m);
    for (const l of bodyLines(body).filter((x) => x.kind === 'para')) {
      expect(l.text).not.toMatch(/^(<?https?:\/\/\S+>?|(www\.)?[\w.-]+\.(com|se|fi)\/\S*|@\S+|Instagram: @\S+)$/);
      expect(l.text).not.toMatch(/^[^.!?]{1,39}:$/); // a bare label
    }
    for (const l of bodyLines(body).filter((x) => x.kind === 'h2' || x.kind === 'h3')) expect(l.text).not.toMatch(/:$/);
  });
});

describe('content/guidelines quotes the source documents (test/fixtures/corpus) verbatim', () => {
  const table = readmeTable();

  it('every corpus document has a Markdown file', () => {
    const ids = fs
      .readdirSync(corpusDir)
      .filter((f) => /\.(sv|fi)\.txt$/.test(f))
      .map((f) => f.replace(/\.(sv|fi)\.txt$/, ''))
      .sort();
    expect(ids).toEqual([...IDS].sort());
  });

  it.each(IDS)('%s front matter agrees with the corpus README and the title line', (id) => {
    const fm = frontMatterOf(readDoc(id));
    const row = table.get(id);
    expect(row).toBeDefined();
    expect(fm.country).toBe(row!.country);
    expect(fm.language).toBe(row!.language);
    expect(fm.date).toBe(row!.date);
    expect(fm.audience).toBe(row!.audience);
    expect(row!.kind.startsWith(fm.kind as string)).toBe(true);
    if (fm.kind === 'guideline') expect(fm.organisation).toBe(row!.organisation);
    // the title is the document's own first content line
    const source = fs.readFileSync(sourceFile(id), 'utf8');
    const first = sourceContentLines(source, '\u0000')[0];
    expect(fm.title).toBe(first);
  });

  it.each(IDS)('%s: every body line occurs verbatim, in order, in the source', (id) => {
    const doc = readDoc(id);
    const title = frontMatterOf(doc).title as string;
    const source = collapse(sourceContentLines(fs.readFileSync(sourceFile(id), 'utf8'), title).join('\n'));
    let cursor = 0;
    const missing: string[] = [];
    for (const line of bodyLines(doc.body)) {
      const at = source.indexOf(line.text, cursor);
      if (at < 0) missing.push(line.text);
      else cursor = at + line.text.length;
    }
    expect(missing).toEqual([]);
  });

  it.each(IDS)('%s: no source text was lost (every content line, in order; all 40+ char lines)', (id) => {
    const doc = readDoc(id);
    const title = frontMatterOf(doc).title as string;
    const lines = bodyLines(doc.body);
    const headings = new Set(lines.filter((l) => l.kind === 'h2' || l.kind === 'h3').map((l) => l.text));
    const flat = collapse(lines.map((l) => l.text).join('\n'));
    const srcLines = sourceContentLines(fs.readFileSync(sourceFile(id), 'utf8'), title).map(stripSourceBullet);

    // the brief's minimum: every 40+ character content line is in the body
    const long = srcLines.filter((l) => l.length >= 40);
    expect(long.length).toBeGreaterThan(0);
    expect(long.filter((l) => !flat.includes(l) && !headings.has(l.replace(/\s*:$/, '')))).toEqual([]);

    // stronger: every content line, in source order; a heading may only lose its trailing colon
    let cursor = 0;
    const missing: string[] = [];
    for (const l of srcLines) {
      let needle = l;
      let at = flat.indexOf(needle, cursor);
      if (at < 0 && l.endsWith(':') && headings.has(l.replace(/\s*:$/, ''))) {
        needle = l.replace(/\s*:$/, '');
        at = flat.indexOf(needle, cursor);
      }
      if (at < 0) missing.push(l);
      else cursor = at + needle.length;
    }
    expect(missing).toEqual([]);
  });
});
