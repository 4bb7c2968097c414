import { linksIn } from './dialog/evidence';
import type { Evidence } from './report';

/** One piece of evidence as a reader sees it: a link, a quoted line as typed, or a file name. */
export interface EvidenceItem {
  kind: 'link' | 'quote' | 'file';
  text: string;
}

/**
 * The evidence to show, each thing once: links, then quoted lines, then file names. A typed line with words
 * and a link is stored both ways (parseEvidenceText keeps the link as a link and the line whole as a quote, so
 * nothing is reworded); shown, the whole line stands for both, and the link is not listed again. A link that
 * is in no quoted line is listed on its own. Every door and export lists evidence through this.
 */
export function evidenceItems(evidence: Evidence): EvidenceItem[] {
  // The very link, not one it is the start of ("https://x/p" is not in a line that only has "https://x/p2").
  const inLine = (link: string) => evidence.quotes.some((quote) => linksIn(quote).includes(link));
  return [
    ...evidence.links.filter((link) => !inLine(link)).map((text) => ({ kind: 'link' as const, text })),
    ...evidence.quotes.map((text) => ({ kind: 'quote' as const, text })),
    ...evidence.files.map((text) => ({ kind: 'file' as const, text })),
  ];
}

/** The items as plain lines: quoted lines in “…”, links and file names as they are. */
export function evidenceLines(evidence: Evidence): string[] {
  return evidenceItems(evidence).map((item) => (item.kind === 'quote' ? `“${item.text}”` : item.text));
}
