import { z } from 'zod';
import { UI_LANGS, type UiLang } from '../../../core/language/lang';

const langOnly = z.object({ lang: z.enum(UI_LANGS) });
const withReference = z.object({ lang: z.enum(UI_LANGS), reference: z.string().max(100) });

function parse<T>(text: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The language a modal was opened in (its private_metadata), else `fallback`. */
export function metadataLang(text: string | undefined, fallback: UiLang): UiLang {
  return parse(text, langOnly)?.lang ?? fallback;
}

/** The report a modal is about (resolve), with its language; undefined when the metadata is not ours. */
export function metadataReference(text: string | undefined): { lang: UiLang; reference: string } | undefined {
  return parse(text, withReference);
}
