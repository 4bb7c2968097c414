import type { KnownBlock } from '../slackTypes';
import { escapeMrkdwn, LIMIT, mrkdwn } from './text';

/**
 * Plain text (paragraphs separated by blank lines) as section blocks, escaped, each within Slack's 3000
 * characters; a paragraph longer than that is split at line ends, or hard at the limit.
 */
export function textBlocks(text: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  const flush = () => {
    if (current.trim().length > 0) blocks.push({ type: 'section', text: mrkdwn(current) });
    current = '';
  };
  for (const line of escapeMrkdwn(text).split('\n')) {
    for (const piece of chunk(line, LIMIT.sectionText)) {
      if (current.length + piece.length + 1 > LIMIT.sectionText) flush();
      current = current.length > 0 ? `${current}\n${piece}` : piece;
    }
  }
  flush();
  return blocks;
}

function chunk(line: string, size: number): string[] {
  if (line.length <= size) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += size) out.push(line.slice(i, i + size));
  return out;
}
