import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../errors';
import { readYamlFile } from '../yamlFile';
import type { Passage } from './passage';

/** Search words in Swedish and Finnish; both lists may be empty. */
const termListsSchema = z.object({
  sv: z.array(z.string().min(1)).default([]),
  fi: z.array(z.string().min(1)).default([]),
});
export type TermLists = z.infer<typeof termListsSchema>;

const searchTermsFileSchema = z.object({
  sections: z.array(
    termListsSchema.extend({
      section: z.string().min(1),
      passages: z.array(termListsSchema.extend({ contains: z.string().min(3) })).default([]),
    }),
  ),
});

const glossaryFileSchema = z.object({
  terms: z.array(termListsSchema),
});
export type GlossaryEntry = TermLists;

/** Curated search terms attached to passages: passage id → terms of its section and of the passage itself. */
export interface PassageTerms {
  section: TermLists;
  passage: TermLists;
}

/**
 * Reads content/search-terms/<docId>.yaml files and attaches their terms to passages. A section heading or a
 * `contains` phrase that matches no passage is an error naming the file and entry, so terms never silently rot
 * when the guidelines change.
 */
export function loadSearchTerms(dir: string, passages: Passage[]): Map<string, PassageTerms> {
  const byPassage = new Map<string, PassageTerms>();
  for (const p of passages) byPassage.set(p.id, { section: { sv: [], fi: [] }, passage: { sv: [], fi: [] } });
  if (!fs.existsSync(dir)) return byPassage;
  for (const fileName of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(dir, fileName);
    const docId = path.basename(fileName, '.yaml');
    const docPassages = passages.filter((p) => p.source.docId === docId);
    if (docPassages.length === 0) {
      throw new ContentError('CONTENT_REFERENCE', `${file}: no guideline document with id "${docId}"`);
    }
    readYamlFile(file, searchTermsFileSchema).sections.forEach((entry, i) => {
      const inSection = docPassages.filter((p) => p.source.section === entry.section);
      if (inSection.length === 0) {
        throw new ContentError('CONTENT_REFERENCE', `${file}: sections.${i}: no section headed "${entry.section}" in ${docId}`);
      }
      for (const p of inSection) append(byPassage.get(p.id)!.section, entry);
      entry.passages.forEach((pe, j) => {
        const phrase = pe.contains.normalize('NFC');
        // Prefer the passage whose own text has the phrase over siblings that share it through a lead-in.
        const target = inSection.find((p) => p.body.includes(phrase)) ?? inSection.find((p) => p.text.includes(phrase));
        if (!target) {
          throw new ContentError(
            'CONTENT_REFERENCE',
            `${file}: sections.${i}.passages.${j}: "${pe.contains}" is not in section "${entry.section}"`,
          );
        }
        append(byPassage.get(target.id)!.passage, pe);
      });
    });
  }
  return byPassage;
}

function append(into: TermLists, from: TermLists): void {
  into.sv.push(...from.sv);
  into.fi.push(...from.fi);
}

/** Reads content/glossary.yaml (absent: an empty glossary). */
export function loadGlossary(file: string): GlossaryEntry[] {
  if (!fs.existsSync(file)) return [];
  return readYamlFile(file, glossaryFileSchema).terms;
}
