import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../../src/core/i18n';
import { REPORT_CATEGORIES, type ReportCategory } from '../../../src/core/reports/categories';
import type { ReportDraft } from '../../../src/core/reports/report';
import { resolveRouting, routeReport, RoutingErrorCode, type Recipient } from '../../../src/core/reports/routing';
import type { Person } from '../../../src/core/directory/directory';
import { DEMO, IT_SECURITY_CHANNELS, defaultRoutingTable, demoDirectory } from '../../helpers/reportFixtures';

const table = defaultRoutingTable();

const draft = (category: ReportCategory, extra: Partial<ReportDraft> = {}): ReportDraft => ({
  category,
  platform: 'facebook',
  accountKind: 'organisation_account',
  description: 'Något hände.',
  occurredOn: '2026-03-15',
  evidence: { links: [], quotes: [], files: [] },
  immediateDanger: false,
  subjectIsManager: false,
  ...extra,
});

const person = (id: string, role: Recipient['role']): Recipient => ({ kind: 'person', personId: id, role });
/** IT security is told by a post for the team in its channels; its people personally only where the row says so. */
const IT_SECURITY: Recipient[] = [
  ...IT_SECURITY_CHANNELS.map((channel): Recipient => ({ kind: 'channel', channel: { ...channel }, role: 'it_security' })),
];
const MANAGER = person(DEMO.karin, 'manager');

/** Per category: who is told when anna.lindqvist (manager karin.nystrom) reports, and which rules are cited. */
const EXPECTED: Record<ReportCategory, { recipients: Recipient[]; rules: string[]; urgency: string; ack: number }> = {
  threat: { recipients: [MANAGER, ...IT_SECURITY], rules: ['K8-a', 'K8-b'], urgency: 'immediate', ack: 15 },
  harassment: { recipients: [MANAGER], rules: ['K8-a'], urgency: 'high', ack: 60 },
  identity_theft: { recipients: [MANAGER, ...IT_SECURITY], rules: ['K8-b'], urgency: 'high', ack: 240 },
  phishing: { recipients: [MANAGER, ...IT_SECURITY], rules: ['K8-b'], urgency: 'high', ack: 240 },
  malware: { recipients: [MANAGER, ...IT_SECURITY], rules: ['K8-b'], urgency: 'high', ack: 240 },
  media_contact: { recipients: [MANAGER], rules: ['ENO-media'], urgency: 'normal', ack: 240 },
  misinformation: { recipients: [MANAGER], rules: ['ENO-claims'], urgency: 'normal', ack: 240 },
  illegal_content: { recipients: [MANAGER, person(DEMO.sofia, 'communications')], rules: ['VIM-remove', 'SKL-8'], urgency: 'high', ack: 240 },
};

const QUOTES: Record<string, { quote: string; docId: string; section: string }> = {
  'K8-a': {
    docId: 'kyrkslatt-anvisningar',
    section: '8. Sociala medier och datasäkerhet',
    quote: 'Den som producerar innehåll i sociala medier ska omedelbart meddela sin chef om hen utsätts för hot och trakasserier.',
  },
  'K8-b': {
    docId: 'kyrkslatt-anvisningar',
    section: '8. Sociala medier och datasäkerhet',
    quote:
      'Om man märker eller ens misstänker att man blir utsatt för missbruk (t.ex. identitetstöld eller -förfalskning, fiskande, skadeprogram, hot) i tjänster för sociala medier ska man genast underrätta sin chef eller direkt kontakta informationsförvaltningen. Chefen ska också alltid informera informationsförvaltningen om en sådan sak.',
  },
  'ENO-media': { docId: 'enontekio-ohjeistus', section: 'Kuka voi tiedottaa', quote: 'Jos media ottaa sinuun yhteyttä, ilmoita siitä esimiehelle.' },
  'ENO-claims': {
    docId: 'enontekio-ohjeistus',
    section: 'Virheellisiin väitteisiin vastaaminen',
    quote: 'Jos näet Enontekiön kuntaa koskevan virheellisen väitteen, ilmoita siitä esimiehelle.',
  },
  'VIM-remove': {
    docId: 'vimmerby-narvaro',
    section: 'Rutin för skapande av kanal i sociala medier',
    quote:
      'Kommentarer, synpunkter eller svar som kan antas strida mot gällande lagstiftning ska genast avpubliceras eller raderas. Innan raderingen måste innehållet av meddelandet samt information om dess avsändare sparas, till exempel genom skärmdump.',
  },
  'SKL-8': {
    docId: 'skl-checklista-blogg',
    section: 'Checklistan, punkt 8 (bloggarens återgivning)',
    quote: 'Brottsligt material ska kommunen ta bort, som till exempel hot eller hets mot folkgrupp m.m.',
  },
};

describe.each(REPORT_CATEGORIES)('routing %s', (category) => {
  it('tells exactly the expected people and channels, citing the expected rules', async () => {
    const decision = await resolveRouting(draft(category), DEMO.anna, table, await demoDirectory());
    const expected = EXPECTED[category];
    expect(decision.category).toBe(category);
    expect(decision.recipients).toEqual(expected.recipients);
    expect(decision.urgency).toBe(expected.urgency);
    expect(decision.ackTimeoutMinutes).toBe(expected.ack);
    expect(decision.rules.map((r) => r.id)).toEqual(expected.rules);
    for (const rule of decision.rules) {
      expect(rule.quote).toBe(QUOTES[rule.id]!.quote);
      expect(rule.source.docId).toBe(QUOTES[rule.id]!.docId);
      expect(rule.source.section).toBe(QUOTES[rule.id]!.section);
    }
  });
});

// ---- Quotes are verbatim: against content/guidelines when present, else the source texts in test/fixtures/corpus.
const guidelinesDir = path.join(REPO_ROOT, 'content', 'guidelines');
const corpusDir = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
const haveGuidelines = fs.existsSync(guidelinesDir) && fs.readdirSync(guidelinesDir).some((f) => f.endsWith('.md'));
const haveCorpus = fs.existsSync(corpusDir);
const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

(haveGuidelines || haveCorpus ? describe : describe.skip)('rule citations are verbatim', () => {
  const rules = Object.values(table.rows).flatMap((row) => row.rules);
  const unique = [...new Map(rules.map((r) => [r.id, r])).values()];

  it.each(unique.map((r) => [r.id, r] as const))('%s is quoted verbatim from its document', (_id, rule) => {
    if (haveGuidelines) {
      const raw = fs.readFileSync(path.join(guidelinesDir, `${rule.source.docId}.md`), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw) ?? [];
      const meta = parseYaml(front) as { title: string; organisation: string };
      expect(rule.source.document).toBe(meta.title);
      expect(rule.source.organisation).toBe(meta.organisation);
      expect(collapse(body)).toContain(collapse(rule.quote));
      const sections = body.split(/^## /m).slice(1);
      const section = sections.find((s) => collapse(s.split('\n')[0]!) === rule.source.section);
      if (section) expect(collapse(section)).toContain(collapse(rule.quote));
      else {
        // Only the blog commentary has no headings: its rules are numbered checklist points.
        expect(rule.source.docId).toBe('skl-checklista-blogg');
        expect(rule.source.section).toContain('bloggarens');
        expect(collapse(body)).toContain(collapse(`8. ${rule.quote}`));
      }
    } else {
      const file = fs.readdirSync(corpusDir).find((f) => f.startsWith(rule.source.docId))!;
      expect(collapse(fs.readFileSync(path.join(corpusDir, file), 'utf8'))).toContain(collapse(rule.quote));
    }
  });

  it('the Kimitoön advice quote is verbatim too', () => {
    const source = haveGuidelines
      ? fs.readFileSync(path.join(guidelinesDir, 'kimitoon-fortroendevalda.md'), 'utf8')
      : fs.readFileSync(path.join(corpusDir, 'kimitoon-fortroendevalda.sv.txt'), 'utf8');
    const quote = /”(Undvik att provocera[^”]*?)\.?”/.exec(table.rows.harassment.advice.sv.join(' '))![1]!;
    expect(source).toContain(quote);
  });
});

describe('routing rules beyond the table', () => {
  it('never tells the manager when the manager is the person reported; the alternate is told instead', async () => {
    const directory = await demoDirectory();
    for (const category of ['harassment', 'threat'] as const) {
      const decision = await resolveRouting(
        draft(category, { subjectIsManager: true, alternateRecipientId: DEMO.kaisa }),
        DEMO.anna,
        table,
        directory,
      );
      expect(decision.recipients[0]).toEqual(person(DEMO.kaisa, 'alternate'));
      expect(decision.recipients.some((r) => r.kind === 'person' && r.personId === DEMO.karin)).toBe(false);
    }
    const viaHr = await resolveRouting(
      draft('harassment', { subjectIsManager: true, alternateRecipientId: DEMO.helena }),
      DEMO.anna,
      table,
      directory,
    );
    expect(viaHr.recipients).toEqual([person(DEMO.helena, 'alternate')]);
  });

  it('refuses an alternate who is neither the manager\'s manager nor HR', async () => {
    const directory = await demoDirectory();
    const bad = draft('harassment', { subjectIsManager: true, alternateRecipientId: DEMO.sofia });
    await expect(resolveRouting(bad, DEMO.anna, table, directory)).rejects.toMatchObject({ code: RoutingErrorCode.AlternateNotAllowed });
    const ghost = draft('harassment', { subjectIsManager: true, alternateRecipientId: 'ghost' });
    await expect(resolveRouting(ghost, DEMO.anna, table, directory)).rejects.toMatchObject({ code: RoutingErrorCode.RecipientUnknown });
    await expect(resolveRouting(draft('threat'), 'ghost', table, directory)).rejects.toMatchObject({ code: RoutingErrorCode.ReporterUnknown });
  });

  it('uses the manager the reporter named when the directory has none', async () => {
    const directory = await demoDirectory();
    const decision = await resolveRouting(draft('harassment', { managerId: DEMO.karin }), DEMO.jussi, table, directory);
    expect(decision.recipients).toEqual([MANAGER]);
    // The directory's manager wins over a named one.
    const anna = await resolveRouting(draft('harassment', { managerId: DEMO.kaisa }), DEMO.anna, table, directory);
    expect(anna.recipients).toEqual([MANAGER]);
  });

  it('tells IT security by one team post, its people personally only where the row says so or there is no channel', async () => {
    const directory = await demoDirectory();
    const teamOnly = await resolveRouting(draft('phishing'), DEMO.anna, table, directory);
    expect(teamOnly.recipients.filter((r) => r.role === 'it_security').every((r) => r.kind === 'channel')).toBe(true);

    const row = table.rows.phishing;
    const personally: typeof table = { ...table, rows: { ...table.rows, phishing: { ...row, recipients: { ...row.recipients, itSecurityPeople: true } } } };
    const both = await resolveRouting(draft('phishing'), DEMO.anna, personally, directory);
    expect(both.recipients.filter((r) => r.kind === 'person' && r.role === 'it_security')).toEqual([person(DEMO.timo, 'it_security'), person(DEMO.linnea, 'it_security')]);

    const reporter = (await directory.person(DEMO.anna))!;
    const timo = (await directory.person(DEMO.timo))!;
    const noChannel = routeReport(
      { draft: draft('phishing'), reporter, manager: undefined, alternate: undefined, itSecurity: { people: [timo], channels: [] }, roleHolders: {} },
      table,
    );
    expect(noChannel.recipients).toEqual([person(DEMO.timo, 'it_security')]);
  });

  it('falls back to HR so that a report with nobody else to tell is not lost', async () => {
    const decision = await resolveRouting(draft('harassment'), DEMO.jussi, table, await demoDirectory());
    expect(decision.recipients).toEqual([person(DEMO.helena, 'hr')]);
  });

  it('never tells the reporter and deduplicates people with several reasons', async () => {
    const directory = await demoDirectory();
    const personally: typeof table = { ...table, rows: { ...table.rows, phishing: { ...table.rows.phishing, recipients: { ...table.rows.phishing.recipients, itSecurityPeople: true } } } };
    const fromTimo = await resolveRouting(draft('phishing'), DEMO.timo, personally, directory);
    expect(fromTimo.recipients.filter((r) => r.kind === 'person')).toEqual([person(DEMO.kaisa, 'manager'), person(DEMO.linnea, 'it_security')]);

    const reporter = (await directory.person(DEMO.anna))!;
    const manager = { ...(await directory.person(DEMO.karin))!, roles: ['manager', 'communications'] } as Person;
    const decision = routeReport(
      {
        draft: draft('illegal_content'),
        reporter,
        manager,
        alternate: undefined,
        itSecurity: { people: [], channels: [] },
        roleHolders: { communications: [manager, reporter] },
      },
      table,
    );
    expect(decision.recipients).toEqual([MANAGER]);
  });

  it('makes any report immediate when someone is in immediate danger', async () => {
    const decision = await resolveRouting(draft('harassment', { immediateDanger: true }), DEMO.anna, table, await demoDirectory());
    expect(decision.urgency).toBe('immediate');
    expect(decision.ackTimeoutMinutes).toBe(15);
  });
});
