import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors';

/** Whom a document's rules bind (front matter `readers`). */
export const READERS = ['everyone', 'elected_officials'] as const;
export type Readers = (typeof READERS)[number];

/** Front matter of a guideline document in content/guidelines/*.md. */
export const guidelineMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  organisation: z.string().min(1),
  country: z.enum(['FI', 'SE']),
  language: z.enum(['sv', 'fi']),
  date: z.string().min(1),
  audience: z.string().min(1),
  /**
   * Whom the rules bind: `everyone`, or only `elected_officials` (Kimitoön's rules for förtroendevalda). A staff
   * member's question is answered from the latter only when it names elected officials or clearly matches.
   */
  readers: z.enum(READERS).default('everyone'),
  kind: z.enum(['guideline', 'commentary']),
  /** Short id of the organisation (SOMEBOT_ORGANISATION names the deployment's own); default: the id up to its first hyphen. */
  org: z.string().regex(/^[a-z0-9]+$/, 'lower-case letters and digits').optional(),
});
export type GuidelineMeta = z.infer<typeof guidelineMetaSchema> & { org: string };

/** A block of a section: one paragraph, or one list (items keep their nested sub-items). */
export type Block = { type: 'paragraph'; text: string } | { type: 'list'; items: ListItem[] };
export interface ListItem {
  /** The item as written, including its marker ("- ", "1. "). */
  line: string;
  children: string[];
}

export interface Section {
  /** Heading as written without the #-marks; the document title for text before the first heading. */
  heading: string;
  /** Headings from the top level down to this one (for a sub-section: its parent first). */
  trail: string[];
  blocks: Block[];
}

export interface GuidelineDocument {
  meta: GuidelineMeta;
  file: string;
  sections: Section[];
}

/** Splits `---` front matter from the body. */
function splitFrontMatter(source: string, file: string): { front: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ContentError('CONTENT_FRONT_MATTER', `${file}: no front matter (a --- block at the top)`);
  return { front: match[1]!, body: match[2]! };
}

/** Parses one guideline document. Errors name the file and the field. */
export function parseGuidelineDocument(source: string, file: string): GuidelineDocument {
  const text = source.normalize('NFC').replace(/\r\n?/g, '\n');
  const { front, body } = splitFrontMatter(text, file);
  let raw: unknown;
  try {
    raw = parseYaml(front);
  } catch (err) {
    throw new ContentError('CONTENT_FRONT_MATTER', `${file}: front matter is not valid YAML (${(err as Error).message})`);
  }
  const parsed = guidelineMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(front matter)';
    throw new ContentError('CONTENT_FIELD', `${file}: field "${field}": ${issue.message}`);
  }
  const meta: GuidelineMeta = { ...parsed.data, org: parsed.data.org ?? parsed.data.id.split('-')[0]! };
  const expectedId = path.basename(file, '.md');
  if (parsed.data.id !== expectedId) {
    throw new ContentError('CONTENT_FIELD', `${file}: field "id": "${parsed.data.id}" does not match the file name "${expectedId}"`);
  }
  return { meta, file, sections: parseSections(body, parsed.data.title) };
}

function parseSections(body: string, title: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: title, trail: [title], blocks: [] };
  let topHeading = title;
  let list: ListItem[] | undefined;
  const flushList = () => {
    if (list && list.length > 0) current.blocks.push({ type: 'list', items: list });
    list = undefined;
  };
  for (const line of body.split('\n')) {
    const heading = /^(#{2,3}) (.+)$/.exec(line);
    if (heading) {
      flushList();
      if (current.blocks.length > 0) sections.push(current);
      const text = heading[2]!.trim();
      if (heading[1] === '##') topHeading = text;
      current = { heading: text, trail: heading[1] === '##' ? [text] : [topHeading, text], blocks: [] };
      continue;
    }
    if (line.trim() === '') {
      flushList();
      continue;
    }
    if (/^ {2,}- /.test(line) && list && list.length > 0) {
      list[list.length - 1]!.children.push(line.trim());
      continue;
    }
    if (/^(- |\d+\. )/.test(line)) {
      list ??= [];
      list.push({ line: line.trim(), children: [] });
      continue;
    }
    flushList();
    current.blocks.push({ type: 'paragraph', text: line.trim() });
  }
  flushList();
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}

/** Loads every `*.md` of a folder, sorted by file name. */
export function loadGuidelineDocuments(dir: string): GuidelineDocument[] {
  if (!fs.existsSync(dir)) throw new ContentError('CONTENT_MISSING', `${dir}: folder not found`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  if (files.length === 0) throw new ContentError('CONTENT_MISSING', `${dir}: no guideline documents (*.md)`);
  return files.map((f) => parseGuidelineDocument(fs.readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)));
}
