import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ContentError } from '../../errors';
import { parseGuidelineDocument } from '../../guidelines/guidelineDocument';
import { htmlToMarkdown, tidyMarkdown } from './htmlToMarkdown';
import { pdfToMarkdown } from './pdfToMarkdown';

/** The file types `somebot content import` reads. */
export const IMPORTABLE = ['.docx', '.html', '.htm', '.pdf', '.md', '.txt'] as const;

export interface ImportOptions {
  /** Short organisation id (front matter `org`), e.g. vimmerby. */
  org: string;
  lang: 'sv' | 'fi';
  /** Default: the document's first heading, else the file name. */
  title?: string;
  /** The organisation's name as cited. Default: the org id with a capital letter. */
  organisation?: string;
  country?: 'FI' | 'SE';
  /** Default: `<org>-<words of the title>`. */
  id?: string;
  /** Default: "imported <today>". */
  date?: string;
  audience?: string;
}

export interface ImportedDocument {
  id: string;
  file: string;
  sections: number;
}

/** Any supported file as Markdown: headings, paragraphs and lists, the words as written. */
export async function fileToMarkdown(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pdf') return pdfToMarkdown(new Uint8Array(fs.readFileSync(file)));
  if (ext === '.html' || ext === '.htm') return htmlToMarkdown(fs.readFileSync(file, 'utf8'));
  if (ext === '.docx') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mammoth = require('mammoth') as { convertToHtml(input: { path: string }): Promise<{ value: string }> };
    return htmlToMarkdown((await mammoth.convertToHtml({ path: file })).value);
  }
  if (ext === '.md') return tidyMarkdown(fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  if (ext === '.txt') return textToMarkdown(fs.readFileSync(file, 'utf8'));
  throw new ContentError('CONTENT_IMPORT', `${file}: cannot import ${ext || 'a file without an extension'} (use ${IMPORTABLE.join(', ')})`);
}

/** Plain text: paragraphs at blank lines; a one-line paragraph that reads as a title (short, no end punctuation) is a heading. */
export function textToMarkdown(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return tidyMarkdown(
    blocks
      .map((b) => {
        if (/^(- |\d+\. |[•*] )/.test(b)) return b;
        const oneLine = !b.includes('\n') && b.length <= 100 && !/[.,;:!?]$/.test(b);
        return oneLine ? `## ${b}` : b.replace(/\s*\n\s*/g, ' ');
      })
      .join('\n\n'),
  );
}

/** Lower-case ASCII words joined by hyphens (å, ä, ö fold to a, a, o), for document ids. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 4)
    .join('-');
}

/**
 * Converts `source` into content/guidelines/<id>.md with front matter, sections from its headings (the first
 * top heading is the title), and checks that it parses as a guideline document. Refuses to overwrite.
 */
export async function importDocument(source: string, contentDir: string, options: ImportOptions, today = new Date()): Promise<ImportedDocument> {
  if (!fs.existsSync(source)) throw new ContentError('CONTENT_IMPORT', `${source}: no such file`);
  let markdown = await fileToMarkdown(source);
  const h1 = /^# (.+)$/m.exec(markdown);
  const firstHeading = h1?.[1] ?? /^##+ (.+)$/m.exec(markdown)?.[1];
  if (h1) markdown = markdown.replace(h1[0], '').replace(/\n{3,}/g, '\n\n').trim();
  // Sections under the title: a document whose sections are ### only is lifted one level.
  if (!/^## /m.test(markdown)) markdown = markdown.replace(/^### /gm, '## ');
  const title = (options.title ?? firstHeading ?? path.basename(source, path.extname(source))).trim();
  const id = options.id ?? `${options.org}-${slug(title) || 'riktlinjer'}`;
  const meta = {
    id,
    title,
    organisation: options.organisation ?? options.org.charAt(0).toUpperCase() + options.org.slice(1),
    org: options.org,
    country: options.country ?? (options.lang === 'fi' ? 'FI' : 'SE'),
    language: options.lang,
    date: options.date ?? `imported ${today.toISOString().slice(0, 10)}`,
    audience: options.audience ?? 'staff',
    kind: 'guideline',
  };
  const text = `---\n${YAML.stringify(meta, { lineWidth: 0 }).trim()}\n---\n\n${markdown.trim()}\n`;
  const target = path.join(contentDir, 'guidelines', `${id}.md`);
  if (fs.existsSync(target)) throw new ContentError('CONTENT_IMPORT', `${target}: exists already (give another --id, or remove it first)`);
  const doc = parseGuidelineDocument(text, target);
  if (doc.sections.length === 0) throw new ContentError('CONTENT_IMPORT', `${source}: no text found to import`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return { id, file: target, sections: doc.sections.length };
}
