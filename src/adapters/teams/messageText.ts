import { Parser } from 'htmlparser2';

/** Elements after which Teams' message HTML starts a new line. */
const LINE_ENDS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/**
 * The text of a Teams message body as the person saw it: HTML (Teams sends `contentType: 'html'`) parsed
 * by htmlparser2, tags dropped, entities decoded, block ends and <br> as line breaks; plain text as it is.
 */
export function messageBodyText(body: { contentType?: string; content?: string } | undefined): string {
  const content = body?.content ?? '';
  if (body?.contentType !== 'html') return content.trim();
  let text = '';
  const parser = new Parser(
    {
      ontext: (chunk) => void (text += chunk),
      onclosetag: (name) => void (LINE_ENDS.has(name) ? (text += '\n') : undefined),
    },
    { decodeEntities: true },
  );
  parser.write(content);
  parser.end();
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
