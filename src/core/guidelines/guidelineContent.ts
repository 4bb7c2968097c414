import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors';
import type { LanguageMarkers } from '../language/detect';
import { loadGuidelineDocuments, type GuidelineDocument } from './guidelineDocument';
import { splitIntoPassages, type Passage } from './passage';
import { loadGlossary, loadSearchTerms, type GlossaryEntry, type PassageTerms } from './vocabulary';

/** Everything the guideline search is built from, read from one content folder. */
export interface GuidelineContent {
  docs: GuidelineDocument[];
  passages: Passage[];
  searchTerms: Map<string, PassageTerms>;
  glossary: GlossaryEntry[];
  markers: LanguageMarkers;
  /** SHA-256 over every file the index depends on: a saved index with another hash is stale. */
  hash: string;
}

const markersSchema = z.object({
  sv: z.array(z.string()).default([]),
  fi: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
  stopwords: z.object({ sv: z.array(z.string()).default([]), fi: z.array(z.string()).default([]) }).default({ sv: [], fi: [] }),
});

/** The files an index depends on, in a stable order. */
export function contentFiles(contentDir: string): string[] {
  const files: string[] = [];
  for (const sub of ['guidelines', 'search-terms']) {
    const dir = path.join(contentDir, sub);
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) files.push(path.join(dir, f));
  }
  for (const f of ['glossary.yaml', 'languages.yaml']) {
    if (fs.existsSync(path.join(contentDir, f))) files.push(path.join(contentDir, f));
  }
  return files;
}

export function hashContent(contentDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of contentFiles(contentDir)) {
    hash.update(path.relative(contentDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function loadLanguageMarkers(file: string): LanguageMarkers {
  if (!fs.existsSync(file)) return { sv: [], fi: [], en: [], stopwords: { sv: [], fi: [] } };
  const parsed = markersSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError('CONTENT_FIELD', `${file}: field "${issue.path.join('.')}": ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and validates the guideline content; errors name the file and the field or entry. */
export function loadGuidelineContent(contentDir: string): GuidelineContent {
  const docs = loadGuidelineDocuments(path.join(contentDir, 'guidelines'));
  const passages = splitIntoPassages(docs);
  return {
    docs,
    passages,
    searchTerms: loadSearchTerms(path.join(contentDir, 'search-terms'), passages),
    glossary: loadGlossary(path.join(contentDir, 'glossary.yaml')),
    markers: loadLanguageMarkers(path.join(contentDir, 'languages.yaml')),
    hash: hashContent(contentDir),
  };
}
