/** Every `reports:` key the code uses exists in sv, fi and en, with the same placeholders. */
import fs from 'node:fs';
import path from 'node:path';
import { readLocaleResources, REPO_ROOT } from '../../../src/core/i18n';
import { REPORT_CATEGORIES } from '../../../src/core/reports/categories';
import { ACCOUNT_KINDS, PLATFORMS } from '../../../src/core/reports/report';
import { RECIPIENT_ROLES } from '../../../src/core/reports/routing';
import { STEP_IDS } from '../../../src/core/reports/dialog/steps';
import { FORM_FIELD } from '../../../src/core/reports/dialog/form';
import { DirectoryProblemCode } from '../../../src/core/directory/checkDirectory';

const resources = readLocaleResources();
const LANGS = ['sv', 'fi', 'en'] as const;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {},
  );
}
const flat = Object.fromEntries(LANGS.map((lang) => [lang, flatten(resources[lang]?.reports ?? {})])) as Record<(typeof LANGS)[number], Record<string, string>>;

/** Keys built at run time from a family prefix and the ids of that family. */
const DYNAMIC: Record<string, readonly string[]> = {
  'category.': REPORT_CATEGORIES,
  'platform.': PLATFORMS,
  'accountKind.': ACCOUNT_KINDS,
  'prompt.': STEP_IDS,
  'label.': Object.values(FORM_FIELD),
  'error.field.': [...Object.values(FORM_FIELD), 'occurredOnFuture'],
  'role.': RECIPIENT_ROLES,
  'relation.': ['managers_manager', 'hr', 'manager'],
  'directory.problem.': Object.values(DirectoryProblemCode),
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
/** The files of the report domain (dialog, routing, directory); storage and delivery have their own tests. */
const SOURCES = [
  ...sourceFiles(path.join(REPO_ROOT, 'src/core/reports/dialog')),
  ...sourceFiles(path.join(REPO_ROOT, 'src/core/directory')),
  ...['report.ts', 'routing.ts', 'routingTable.ts'].map((f) => path.join(REPO_ROOT, 'src/core/reports', f)),
]
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');

const staticKeys = [...new Set([...SOURCES.matchAll(/['"]reports:([A-Za-z0-9_.]+)['"]/g)].map((m) => m[1]!))];
const templatePrefixes = [...new Set([...SOURCES.matchAll(/`reports:([A-Za-z0-9_.]*)\$\{/g)].map((m) => m[1]!))];
const dynamicKeys = Object.entries(DYNAMIC).flatMap(([prefix, ids]) => ids.map((id) => `${prefix}${id}`));

describe('reports locale keys', () => {
  it('sv, fi and en have exactly the same keys', () => {
    expect(Object.keys(flat.fi).sort()).toEqual(Object.keys(flat.sv).sort());
    expect(Object.keys(flat.en).sort()).toEqual(Object.keys(flat.sv).sort());
  });

  it('the code uses static keys and only known key families', () => {
    expect(staticKeys.length).toBeGreaterThan(20);
    expect(templatePrefixes.length).toBeGreaterThan(5);
    for (const prefix of templatePrefixes) expect(Object.keys(DYNAMIC)).toContain(prefix);
  });

  it.each(LANGS)('every key used exists in %s and is not empty', (lang) => {
    const missing = [...staticKeys, ...dynamicKeys].filter((key) => !flat[lang][key]?.trim());
    expect(missing).toEqual([]);
  });

  it('every key in the file is used (no stale sentences)', () => {
    const used = new Set([...staticKeys, ...dynamicKeys]);
    expect(Object.keys(flat.sv).filter((key) => !used.has(key))).toEqual([]);
  });

  it('placeholders are the same in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(flat.sv)) {
      for (const lang of ['fi', 'en'] as const) expect([key, placeholders(flat[lang][key]!)]).toEqual([key, placeholders(flat.sv[key]!)]);
    }
  });

  it('the 112 message says what RULES.md asks for', () => {
    expect(flat.sv.emergency).toBe('Om någon är i omedelbar fara: ring 112 nu.');
    expect(flat.fi.emergency).toBe('Jos joku on välittömässä vaarassa, soita heti 112.');
    expect(flat.en.emergency).toContain('112');
  });
});
