import { evidenceLinkSchema, MAX_EVIDENCE_ITEMS, MAX_FILE_NAME_LENGTH, MAX_QUOTE_LENGTH, type Evidence } from '../report';

const URL_IN_TEXT = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(https?:\/\/[^\s<>"”]+)/gi;
const FILE_NAME = /^[^\s/\\]+\.(png|jpe?g|gif|webp|heic|bmp|pdf|txt|docx?|xlsx?|pptx?|mp4|mov|avi|webm|mp3|m4a|wav|zip|eml|msg)$/i;

/**
 * Splits evidence typed as text (one item per line) into links, quoted text and file names. URLs anywhere in a
 * line become links (Slack's `<url|label>` form included; trailing punctuation dropped). A line that is one
 * file name (screenshot.png) becomes a file. A line with any other words is also kept whole as a quote,
 * exactly as typed apart from surrounding spaces, so nothing the person gave is lost or reworded.
 */
export function parseEvidenceText(text: string): Evidence {
  const evidence: Evidence = { links: [], quotes: [], files: [] };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    let rest = line;
    for (const { link, written } of linksWritten(line)) {
      evidence.links.push(link);
      rest = rest.replace(written, ' ');
    }
    if (!/[\p{L}\p{N}]/u.test(rest)) continue;
    if (rest === line && FILE_NAME.test(line)) evidence.files.push(line);
    else evidence.quotes.push(line);
  }
  return evidence;
}

/** The links of a line of text, as parseEvidenceText keeps them (trailing punctuation dropped, valid ones only). */
export function linksIn(line: string): string[] {
  return linksWritten(line).map((l) => l.link);
}

/** Each valid link of a line, with the text it was written as (`<url|label>` or the bare URL). */
function linksWritten(line: string): { link: string; written: string }[] {
  const links: { link: string; written: string }[] = [];
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const found = (match[1] ?? match[2] ?? '').replace(/[.,;:!?)\]]+$/, '');
    if (evidenceLinkSchema.safeParse(found).success) links.push({ link: found, written: match[0] });
  }
  return links;
}

/** True when an evidence object holds more than MAX_EVIDENCE_ITEMS of one kind. */
export function tooMuchEvidence(evidence: Evidence): boolean {
  return [evidence.links, evidence.quotes, evidence.files].some((list) => list.length > MAX_EVIDENCE_ITEMS);
}

/** The longest allowed length an evidence item exceeds (quotes, file names), or undefined when all fit. */
export function evidenceTooLong(evidence: Evidence): number | undefined {
  if (evidence.quotes.some((quote) => quote.length > MAX_QUOTE_LENGTH)) return MAX_QUOTE_LENGTH;
  if (evidence.files.some((file) => file.length > MAX_FILE_NAME_LENGTH)) return MAX_FILE_NAME_LENGTH;
  return undefined;
}
