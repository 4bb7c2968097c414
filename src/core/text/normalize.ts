/**
 * Text normalisation shared by indexing, querying and scoring. Everything the bot compares is NFC first:
 * an NFD "ä" (a + combining diaeresis) must match the NFC "ä" of the guidelines.
 */

/** NFC and lower case; nothing else changes. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * The scoring normalisation of the evaluation rules: NFC, lower case, every character that is not a letter,
 * digit, `#`, `@` or `%` becomes a space, runs of spaces collapse.
 */
export function normalizeForMatch(text: string): string {
  return foldCase(text)
    .replace(/[^\p{L}\p{N}#@%]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** Removes diacritics (for forgiving comparisons of typed choices, e.g. "tanaan" = "tänään"). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}
