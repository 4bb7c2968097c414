import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPORT_CATEGORIES } from '../../../src/core/reports/categories';
import { loadRoutingTable, parseRoutingTable } from '../../../src/core/reports/routingTable';
import { ruleLanguageNote, ruleSourceLine } from '../../../src/core/reports/ruleSource';
import { REPO_ROOT } from '../../../src/core/i18n';
import { ConfigFileErrorCode, isConfigFileError, type ConfigFileError } from '../../../src/core/directory/configFileError';
import { ROUTING_TABLE_PATH, defaultRoutingTable, tempFile } from '../../helpers/reportFixtures';

const ACK: Record<string, number> = { threat: 15, harassment: 60 };

describe('the default routing table', () => {
  const table = defaultRoutingTable();

  it.each(REPORT_CATEGORIES)('%s has a complete row', (category) => {
    const row = table.rows[category];
    expect(row.category).toBe(category);
    expect(row.ackTimeoutMinutes).toBe(ACK[category] ?? 240);
    expect(row.rules.length).toBeGreaterThan(0);
    for (const lang of ['sv', 'fi', 'en'] as const) expect(row.advice[lang].length).toBeGreaterThan(0);
    expect(row.advice.sv).toHaveLength(row.advice.fi.length);
    expect(row.advice.sv).toHaveLength(row.advice.en.length);
  });

  it('gives the advice RULES.md asks for', () => {
    const sv = (c: (typeof REPORT_CATEGORIES)[number]) => table.rows[c].advice.sv.join(' ');
    expect(sv('threat')).toContain('112');
    expect(sv('threat')).toContain('polisanmälan');
    expect(sv('harassment')).toContain('”Undvik att provocera eller bli provocerad.”');
    expect(table.rows.harassment.advice.fi.join(' ')).toContain('Undvik att provocera eller bli provocerad');
    expect(sv('identity_theft')).toContain('2-faktors autentisering');
    expect(sv('identity_theft')).toContain('Samma lösenord får inte användas i kommunens nät och i sociala medier.');
    expect(sv('phishing')).toContain('vilken länk');
    expect(sv('malware')).toContain('Installera inte program eller appar som delas via sociala medier.');
    expect(sv('illegal_content')).toContain('innan något tas bort');
    expect(table.immediateDanger.ackTimeoutMinutes).toBe(15);
  });
});

describe('the rules the default routing table quotes', () => {
  const table = defaultRoutingTable();
  const rules = [...new Map(REPORT_CATEGORIES.flatMap((c) => table.rows[c].rules).map((r) => [r.id, r])).values()];

  it.each(rules.map((r) => [r.id, r] as const))('%s is verbatim from its document, in that document’s language', (_id, rule) => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'content', 'guidelines', `${rule.source.docId}.md`), 'utf8');
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(doc)).toContain(flat(rule.quote));
    expect(rule.source.lang).toBe(/^language: (\w+)$/m.exec(doc)?.[1]);
  });

  it('tells a reader of the other language that a rule exists only in its own, and nobody else', () => {
    const rule = rules.find((r) => r.source.lang === 'sv')!;
    expect(ruleSourceLine(rule.source, 'fi')).toBe(`${rule.source.organisation}: ${rule.source.document}, ${rule.source.section} · Teksti on olemassa vain ruotsiksi.`);
    expect(ruleSourceLine(rule.source, 'sv')).toBe(`${rule.source.organisation}: ${rule.source.document}, ${rule.source.section}`);
    expect(ruleLanguageNote(rule.source, 'en')).toBeUndefined();
    const { lang: _unknown, ...older } = rule.source; // a report stored before rules carried their language
    expect(ruleLanguageNote(older, 'fi')).toBeUndefined();
  });
});

/** The shipped table as a plain object, to break one field at a time. */
function shipped(): Record<string, any> {
  return parse(fs.readFileSync(ROUTING_TABLE_PATH, 'utf8'), { merge: true });
}

function tableError(mutate: (raw: Record<string, any>) => void): ConfigFileError {
  const raw = shipped();
  mutate(raw);
  try {
    parseRoutingTable(stringify(raw), 'routing.yaml');
  } catch (err) {
    if (isConfigFileError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigFileError');
}

describe('invalid routing tables name the row and the field', () => {
  it.each<[string, (raw: Record<string, any>) => void, string, string]>([
    ['a bad urgency', (r) => (r.categories.threat.urgency = 'soon'), 'threat', 'urgency'],
    ['a negative ack time', (r) => (r.categories.phishing.ackTimeoutMinutes = -5), 'phishing', 'ackTimeoutMinutes'],
    ['a missing Finnish advice', (r) => delete r.categories.malware.advice.fi, 'malware', 'advice.fi'],
    ['an empty advice list', (r) => (r.categories.malware.advice.en = []), 'malware', 'advice.en'],
    ['a non-boolean manager flag', (r) => (r.categories.harassment.recipients.manager = 'yes'), 'harassment', 'recipients.manager'],
    ['an unknown recipient role', (r) => (r.categories.illegal_content.recipients.roles = ['janitor']), 'illegal_content', 'recipients.roles.0'],
    ['employee as a recipient role', (r) => (r.categories.illegal_content.recipients.roles = ['employee']), 'illegal_content', 'recipients.roles.0'],
    ['an unknown rule', (r) => (r.categories.media_contact.rules = ['ENO-media', 'NOPE']), 'media_contact', 'rules.1'],
    ['an unknown category', (r) => (r.categories.spam = r.categories.threat), 'spam', 'category'],
    ['a missing row', (r) => delete r.categories.misinformation, 'misinformation', 'category'],
    ['a rule without section', (r) => delete r.rules['K8-a'].source.section, 'K8-a', 'source.section'],
    ['an empty quote', (r) => (r.rules['SKL-8'].quote = ' '), 'SKL-8', 'quote'],
  ])('%s', (_name, mutate, entry, field) => {
    const err = tableError(mutate);
    expect(err.code).toBe(ConfigFileErrorCode.Invalid);
    expect(err.where).toEqual({ file: 'routing.yaml', entry, field });
    expect(err.message).toContain('routing.yaml');
    expect(err.message).toContain(`"${entry}"`);
    expect(err.message).toContain(field === 'category' ? entry : `"${field}"`);
  });

  it('loads from a file and reports unreadable files and YAML errors', () => {
    const good = tempFile('routing.yaml', fs.readFileSync(ROUTING_TABLE_PATH, 'utf8'));
    expect(Object.keys(loadRoutingTable(good).rows).sort()).toEqual([...REPORT_CATEGORIES].sort());
    const broken = tempFile('routing.yaml', 'categories: [');
    expect(() => loadRoutingTable(broken)).toThrow(expect.objectContaining({ code: ConfigFileErrorCode.Syntax }));
    expect(() => loadRoutingTable(`${good}.missing`)).toThrow(expect.objectContaining({ code: ConfigFileErrorCode.Unreadable }));
  });
});
