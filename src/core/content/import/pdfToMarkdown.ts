import { importEsm } from '../../modules/importEsm';

/** One line of a PDF page as read: its text, font height and vertical position. */
interface PdfLine {
  text: string;
  height: number;
  y: number;
}


interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/**
 * The text of a PDF as Markdown (pdfjs-dist): lines set clearly larger than the body text become headings,
 * lines repeated on most pages (running headers and footers) and page numbers are dropped, a word hyphenated at
 * a line end is joined, and lines are joined into paragraphs at the gaps between them. Words are kept as written.
 */
export async function pdfToMarkdown(data: Uint8Array): Promise<string> {
  const pdfjs = (await importEsm('pdfjs-dist/legacy/build/pdf.mjs')) as {
    getDocument(options: object): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>; destroy(): Promise<void> }> };
  };
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfLine[][] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string')));
    }
  } finally {
    await doc.destroy();
  }
  return linesToMarkdown(withoutFurniture(pages));
}

function linesOf(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.transform[3] ?? item.height) || item.height;
    if (current && Math.abs(current.y - y) < Math.max(2, height * 0.4)) {
      current.text += item.str;
      current.height = Math.max(current.height, height);
    } else {
      if (current && current.text.trim()) lines.push(current);
      current = { text: item.str, height, y };
    }
    if (item.hasEOL) {
      if (current.text.trim()) lines.push(current);
      current = undefined;
    }
  }
  if (current && current.text.trim()) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

const PAGE_NUMBER = /^(?:(?:sida|sivu|page|s\.)\s*)?\d{1,4}(?:\s*(?:\/|\(|av|of|\/)\s*\d{1,4}\)?)?$/i;

/** Running headers and footers (the same line, digits aside, on at least half the pages) and page numbers go. */
function withoutFurniture(pages: PdfLine[][]): PdfLine[][] {
  const key = (text: string) => text.replace(/\d+/g, '#').toLowerCase();
  const seen = new Map<string, number>();
  for (const page of pages) for (const k of new Set(page.map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: PdfLine) => pages.length >= 2 && (seen.get(key(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page) => page.filter((l) => !PAGE_NUMBER.test(l.text) && !repeated(l)));
}

function linesToMarkdown(pages: PdfLine[][]): string {
  const all = pages.flat();
  if (all.length === 0) return '';
  // The body text's size is the most common line height; clearly larger lines are headings.
  const counts = new Map<number, number>();
  for (const l of all) counts.set(Math.round(l.height), (counts.get(Math.round(l.height)) ?? 0) + l.text.length);
  const body = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const largest = Math.max(...all.map((l) => l.height));
  // A single line set larger than everything else is the document's title; headings that repeat a size are sections.
  const titleSized = all.filter((l) => l.height >= largest * 0.98).length === 1 && largest > body * 1.4;
  const out: string[] = [];
  let paragraph = '';
  const flush = () => {
    if (paragraph) out.push(paragraph, '');
    paragraph = '';
  };
  for (const page of pages) {
    let previous: PdfLine | undefined;
    for (const line of page) {
      const isHeading = line.height >= body * 1.15 && line.text.length <= 150;
      const isItem = /^([-•–*]|\d+[.)])\s+/.test(line.text);
      const gap = previous ? Math.abs(previous.y - line.y) : 0;
      if (isHeading) {
        flush();
        out.push(`${titleSized && line.height >= largest * 0.98 ? '#' : '##'} ${line.text}`, '');
      } else if (isItem) {
        flush();
        paragraph = line.text.replace(/^[•–*]\s+/, '- ').replace(/^(\d+)\)\s+/, '$1. ');
      } else if (paragraph && previous && gap <= previous.height * 1.6) {
        paragraph = /[\p{L}]-$/u.test(paragraph) && /^\p{Ll}/u.test(line.text) ? paragraph.slice(0, -1) + line.text : `${paragraph} ${line.text}`;
      } else {
        flush();
        paragraph = line.text;
      }
      previous = line;
    }
  }
  flush();
  // Items of one list stand on consecutive lines.
  return out.join('\n').replace(/^((?:- |\d+\. ).*)\n\n(?=- |\d+\. )/gm, '$1\n').trim();
}
