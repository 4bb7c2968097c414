/**
 * Safe HTML building for the web chat. `html` is a tagged template that escapes every interpolated value
 * unless it is already Html (from `html` itself or `raw`); arrays are joined. Every text that reaches the
 * page (a person's message, a report's description, a translation) goes through it.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += part(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup that is trusted as is (only for constants written in this code). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Plain text as paragraphs: blank lines separate paragraphs, single newlines stay (CSS pre-line). */
export function paragraphs(text: string): Html {
  const blocks = text.split(/\n{2,}/).map((b) => b.trim()).filter((b) => b.length > 0);
  return html`${blocks.map((b) => html`<p>${b}</p>`)}`;
}
