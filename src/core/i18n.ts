import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { UI_LANGS, type UiLang } from './language/lang';

/** Root of the repository (dist/ and src/ both sit one level below it). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LOCALES_DIR = path.join(REPO_ROOT, 'locales');

/**
 * Reads every `locales/<lang>/<namespace>.json`. Each namespace is one concern
 * (common, guidelines, reports, ...); every key must exist in sv, fi and en
 * (test/core/i18n.test.ts enforces it).
 */
export function readLocaleResources(dir = LOCALES_DIR): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of UI_LANGS) {
    const langDir = path.join(dir, lang);
    resources[lang] = {};
    if (!fs.existsSync(langDir)) continue;
    for (const file of fs.readdirSync(langDir).filter((f) => f.endsWith('.json')).sort()) {
      const ns = path.basename(file, '.json');
      resources[lang]![ns] = JSON.parse(fs.readFileSync(path.join(langDir, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

let instance: i18n | undefined;

/** One shared, synchronously initialised i18next instance; English is the fallback. */
export function getI18n(): i18n {
  if (instance) return instance;
  const resources = readLocaleResources();
  const namespaces = Object.keys(resources.en ?? {});
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: 'sv',
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGS],
    ns: namespaces,
    defaultNS: 'common',
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  } as Parameters<i18n['init']>[0]);
  instance = created;
  return created;
}

/** A translator fixed to one language, e.g. `t('guidelines:noAnswer')`. */
export function translator(lang: UiLang): TFunction {
  return getI18n().getFixedT(lang);
}
