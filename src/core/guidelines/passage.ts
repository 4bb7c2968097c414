import type { ContentLang } from '../language/lang';
import type { Block, GuidelineDocument, ListItem, Readers } from './guidelineDocument';

/** Where a quoted passage comes from: shown with every answer. */
export interface Citation {
  docId: string;
  title: string;
  organisation: string;
  /** Short id of the organisation (front matter `org`), for SOMEBOT_ORGANISATION. */
  org: string;
  lang: ContentLang;
  section: string;
  /** guideline, or commentary (the SKL blog: never presented as a municipality's rule). */
  kind: 'guideline' | 'commentary';
  /** Whom the document's rules bind. */
  readers: Readers;
}

/** A quotable piece of a guideline: one paragraph, or a list (or one long list item) with its lead-in. */
export interface Passage {
  /** Stable id: `<docId>#<section number>.<passage number>`. */
  id: string;
  /** The verbatim text to quote (lead-in line, then the item lines). */
  text: string;
  /** The lead-in sentence shared with sibling passages, when the passage is one item of a long list. */
  lead?: string;
  /** The text without the shared lead-in (what makes this passage different from its siblings). */
  body: string;
  source: Citation;
  /** Section headings from the top down, for the index. */
  trail: string[];
}

/** A list longer than this is split into one passage per item, each with the list's lead-in. */
const MAX_LIST_CHARS = 600;
/** A paragraph shorter than this that does not end a sentence is a label: it joins the next block. */
const LABEL_CHARS = 80;

function itemText(item: ListItem): string {
  return [item.line, ...item.children.map((c) => `  ${c}`)].join('\n');
}

function isLeadIn(text: string): boolean {
  return text.endsWith(':');
}

function isLabel(text: string): boolean {
  return text.length < LABEL_CHARS && !/[.!?]$/.test(text);
}

/**
 * Splits documents into passages. Headings, labels and lead-ins never stand alone (a lone heading would win
 * BM25 for the wrong reason): a lead-in ending in ":" goes with its list, a short label joins what follows.
 */
export function splitIntoPassages(docs: GuidelineDocument[]): Passage[] {
  const passages: Passage[] = [];
  for (const doc of docs) {
    doc.sections.forEach((section, sIndex) => {
      const source: Citation = {
        docId: doc.meta.id,
        title: doc.meta.title,
        organisation: doc.meta.organisation,
        org: doc.meta.org,
        lang: doc.meta.language,
        section: section.heading,
        kind: doc.meta.kind,
        readers: doc.meta.readers,
      };
      let n = 0;
      const push = (body: string, lead?: string) => {
        n += 1;
        passages.push({
          id: `${doc.meta.id}#${sIndex + 1}.${n}`,
          text: lead ? `${lead}\n${body}` : body,
          ...(lead ? { lead } : {}),
          body,
          source,
          trail: section.trail,
        });
      };
      let pending: string[] = [];
      const blocks: Block[] = section.blocks;
      blocks.forEach((block, bIndex) => {
        if (block.type === 'paragraph') {
          const next = blocks[bIndex + 1];
          if (isLeadIn(block.text) && next?.type === 'list') {
            pending.push(block.text);
            return;
          }
          if (isLabel(block.text) && next !== undefined) {
            pending.push(block.text);
            return;
          }
          push([...pending, block.text].join('\n'));
          pending = [];
          return;
        }
        const lead = pending.length > 0 ? pending.join('\n') : undefined;
        pending = [];
        const items = block.items.map(itemText);
        const whole = items.join('\n');
        if (whole.length <= MAX_LIST_CHARS) {
          push(whole, lead);
          return;
        }
        for (const item of block.items) {
          const text = itemText(item);
          if (text.length <= MAX_LIST_CHARS || item.children.length === 0) push(text, lead);
          // A long item with sub-items: one passage per sub-item, led by the list's lead-in and the item line.
          else for (const child of item.children) push(`  ${child}`, lead ? `${lead}\n${item.line}` : item.line);
        }
      });
      if (pending.length > 0) push(pending.join('\n'));
    });
  }
  return passages;
}
