import { readLocaleResources, translator } from '../../src/core/i18n';

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, full)) out.set(k, v);
    } else out.set(full, value);
  }
  return out;
}

describe('locales', () => {
  const resources = readLocaleResources();
  const namespaces = new Set(Object.values(resources).flatMap((r) => Object.keys(r)));

  it('has namespaces', () => {
    expect(namespaces.size).toBeGreaterThan(0);
  });

  for (const ns of namespaces) {
    it(`namespace "${ns}" has the same keys in sv, fi and en, none empty`, () => {
      const keys = {
        sv: flatten(resources.sv?.[ns] ?? {}),
        fi: flatten(resources.fi?.[ns] ?? {}),
        en: flatten(resources.en?.[ns] ?? {}),
      };
      const all = new Set([...keys.sv.keys(), ...keys.fi.keys(), ...keys.en.keys()]);
      const missing: string[] = [];
      for (const key of all) {
        for (const lang of ['sv', 'fi', 'en'] as const) {
          const value = keys[lang].get(key);
          // A value is a sentence, or a list of words (e.g. the commands that start a report).
          const ok = Array.isArray(value)
            ? value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')
            : typeof value === 'string' && value.trim() !== '';
          if (!ok) missing.push(`${lang}:${ns}:${key}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it(`namespace "${ns}" uses the same {{placeholders}} in every language`, () => {
      const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const sv = flatten(resources.sv?.[ns] ?? {});
      for (const [key, value] of sv) {
        expect([key, placeholders(flatten(resources.fi?.[ns] ?? {}).get(key))]).toEqual([key, placeholders(value)]);
        expect([key, placeholders(flatten(resources.en?.[ns] ?? {}).get(key))]).toEqual([key, placeholders(value)]);
      }
    });
  }

  it('translates per language and falls back to English for an unknown key path', () => {
    expect(translator('sv')('guidelines:empty')).toMatch(/Skriv din fråga/);
    expect(translator('fi')('guidelines:empty')).toMatch(/Kirjoita kysymyksesi/);
    expect(translator('en')('guidelines:empty')).toMatch(/Write your question/);
  });
});
