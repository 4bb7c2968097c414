import { textLines, type CardElement, type TextOptions } from './adaptiveCard';

/**
 * Text that must reach a Teams card exactly as written: a report's description, evidence, an outcome note,
 * anything a person typed. A TextBlock runs its text through Markdown (`[Bekräfta här](https://evil.example)`
 * would become a link inside a card the bot vouches for, `**` bold, `- ` a list), and backslash escapes are
 * read differently by the desktop and mobile clients. A TextRun inside a RichTextBlock is never Markdown,
 * so these helpers put text there: what was typed is what every client shows.
 */
export function plainTextBlock(text: string, options: TextOptions = {}): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [
      {
        type: 'TextRun',
        text,
        ...(options.weight ? { weight: options.weight } : {}),
        ...(options.size ? { size: options.size } : {}),
        ...(options.color ? { color: options.color } : {}),
        ...(options.subtle ? { isSubtle: true } : {}),
        ...(options.italic ? { italic: true } : {}),
      },
    ],
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

/** Plain text with line breaks, one RichTextBlock per line (as textLines() does for TextBlocks). */
export function plainTextLines(text: string, options: TextOptions = {}): CardElement[] {
  return textLines(text, options, plainTextBlock);
}

/** The text of a block built by these helpers (or a TextBlock), for measuring and tests. */
export function blockText(element: CardElement): string | undefined {
  if (element.type === 'TextBlock' && typeof element.text === 'string') return element.text;
  if (element.type === 'RichTextBlock' && Array.isArray(element.inlines)) {
    return (element.inlines as CardElement[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  return undefined;
}
