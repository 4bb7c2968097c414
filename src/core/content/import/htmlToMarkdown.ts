import TurndownService from 'turndown';

/** Elements that are page furniture, never guideline text. */
const FURNITURE = ['head', 'title', 'nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form', 'button', 'iframe', 'svg'] as const;

/**
 * HTML (a saved web page, or what mammoth makes of a .docx) as the Markdown content/guidelines uses: `#` for the
 * title, `##`/`###` for sections, `- ` and `1. ` lists, paragraphs. Words are kept as written: nothing is escaped
 * and nothing rephrased; navigation, headers, footers and scripts are dropped.
 */
export function htmlToMarkdown(html: string): string {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '_', codeBlockStyle: 'fenced' });
  service.remove([...FURNITURE]);
  // Guideline text is quoted verbatim: Markdown escapes (\\. \\*) would change the words.
  service.escape = (text: string) => text;
  // Emphasis and links carry no rule; their words stay, the markup goes.
  service.addRule('plainEmphasis', { filter: ['em', 'i', 'strong', 'b', 'u'], replacement: (content) => content });
  service.addRule('plainLinks', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as unknown as { getAttribute(name: string): string | null }).getAttribute('href');
      return href && /^https?:/i.test(href) && !content.includes(href) ? `${content} (${href})` : content;
    },
  });
  service.addRule('images', { filter: 'img', replacement: () => '' });
  return tidyMarkdown(service.turndown(html));
}

/** One space after list markers, `####` and deeper as `###`, no runs of blank lines. */
export function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([-*+]|\d+\.)\s+/, (_m, indent: string, marker: string) => `${indent.length > 0 ? '  ' : ''}${marker === '*' || marker === '+' ? '-' : marker} `))
    .map((line) => line.replace(/^#{4,6} /, '### ').replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
