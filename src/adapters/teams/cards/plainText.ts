import type { CardElement } from './adaptiveCard';

/**
 * Text a person wrote (a description, evidence, an outcome note) as RichTextBlocks of TextRuns, one per line:
 * a TextRun is shown as it is, so Markdown in it never becomes a link or formatting inside a card.
 */
export function plainTextBlocks(text: string, options: { italic?: boolean } = {}): CardElement[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: line, ...(options.italic ? { italic: true } : {}) }] }));
}
