/** Languages the bot answers in. Guidelines exist in sv and fi; en is UI fallback only. */
export const CONTENT_LANGS = ['sv', 'fi'] as const;
export type ContentLang = (typeof CONTENT_LANGS)[number];

export const UI_LANGS = ['sv', 'fi', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export function isContentLang(value: unknown): value is ContentLang {
  return value === 'sv' || value === 'fi';
}

export function isUiLang(value: unknown): value is UiLang {
  return value === 'sv' || value === 'fi' || value === 'en';
}
