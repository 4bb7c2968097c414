/** Every text the page asks for exists in locales/{sv,fi,en}/web.json (the page would show ⟦key⟧ otherwise). */
import fs from 'node:fs';
import { readLocaleResources } from '../../../src/core/i18n';
import { PAGE_TEMPLATE, PUBLIC_DIR } from '../../../src/adapters/web/paths';

const web = readLocaleResources();
const lookup = (lang: string, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), web[lang]?.web);

describe('the page texts', () => {
  const template = fs.readFileSync(PAGE_TEMPLATE, 'utf8');
  const script = fs.readFileSync(`${PUBLIC_DIR}/app.js`, 'utf8');
  const keys = new Set<string>([
    ...[...template.matchAll(/data-i18n="([\w.]+)"/g)].map((m) => m[1]!),
    ...[...template.matchAll(/\{\{t:([\w.]+)\}\}/g)].map((m) => m[1]!),
    ...[...script.matchAll(/\bt\('([\w.]+[\w])'/g)].map((m) => m[1]!),
    ...[...script.matchAll(/'(reports\.heading\w+)'/g)].map((m) => m[1]!),
  ]);
  // Keys built at run time from data.
  for (const group of ['employee', 'manager', 'it_security']) keys.add(`person.group.${group}`);
  for (const role of ['employee', 'manager', 'it_security', 'hr', 'communications']) keys.add(`role.${role}`);

  it('finds the keys it checks', () => {
    expect(keys.size).toBeGreaterThan(20);
  });

  it.each(['sv', 'fi', 'en'])('has every key in %s', (lang) => {
    const missing = [...keys].filter((key) => typeof lookup(lang, key) !== 'string' || String(lookup(lang, key)).trim() === '');
    expect(missing).toEqual([]);
  });

  it('the template has a text for every element it marks for translation', () => {
    for (const m of template.matchAll(/data-i18n="([\w.]+)">([^<]*)</g)) expect(m[2]).toBe(`{{t:${m[1]}}}`);
  });
});
