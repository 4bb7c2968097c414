import { translator } from '../../../../src/core/i18n';
import { matchOption, normalizeAnswer, isCancelText } from '../../../../src/core/reports/dialog/answers';
import { accountKindOptions, categoryOptions, platformOptions, yesNoOptions } from '../../../../src/core/reports/dialog/flow';
import { parseOccurredOn, previousDay, todayIn } from '../../../../src/core/reports/dialog/dates';
import { parseEvidenceText } from '../../../../src/core/reports/dialog/evidence';
import { renderPlainText } from '../../../../src/core/reports/dialog/plainText';

const TODAY = '2026-03-16';

describe('parseOccurredOn', () => {
  it.each([
    ['idag', TODAY], ['i dag', TODAY], ['I DAG.', TODAY], ['today', TODAY], ['tänään', TODAY], ['tanaan', TODAY],
    ['igår', '2026-03-15'], ['i går', '2026-03-15'], ['Igar', '2026-03-15'], ['yesterday', '2026-03-15'], ['eilen', '2026-03-15'],
    ['1.3.2026', '2026-03-01'], ['01.03.2026', '2026-03-01'], ['3/1/2026', '2026-01-03'], ['2026-03-16', TODAY], ['29.2.2024', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseOccurredOn(text, TODAY)).toEqual({ ok: true, date });
  });

  it.each([['joskus talvella'], ['31.2.2026'], ['2026-13-01'], ['3/13/2026'], [''], ['29.2.2025']])('rejects %p', (text) => {
    expect(parseOccurredOn(text, TODAY)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('rejects the future', () => {
    expect(parseOccurredOn('17.3.2026', TODAY)).toEqual({ ok: false, reason: 'future' });
    expect(parseOccurredOn('2027-01-01', TODAY)).toEqual({ ok: false, reason: 'future' });
  });

  it('knows month and year boundaries and time zones', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
    const lateEvening = new Date('2026-03-16T22:30:00Z');
    expect(todayIn('Europe/Helsinki', lateEvening)).toBe('2026-03-17');
    expect(todayIn('Europe/Stockholm', lateEvening)).toBe('2026-03-16');
  });
});

describe('parseEvidenceText', () => {
  it('sorts links, file names and quotes, keeping quotes unchanged', () => {
    expect(
      parseEvidenceText(
        'Se https://facebook.com/a/1, och <https://x.com/b/2|x.com/b/2>\nskärmdump 1.png\nIMG_0042.JPG\n  ”Vi vet var du bor”  \n\n',
      ),
    ).toEqual({
      links: ['https://facebook.com/a/1', 'https://x.com/b/2'],
      quotes: ['Se https://facebook.com/a/1, och <https://x.com/b/2|x.com/b/2>', 'skärmdump 1.png', '”Vi vet var du bor”'],
      files: ['IMG_0042.JPG'],
    });
  });
});

describe('typed answers', () => {
  const options = [
    { id: 'own_work_profile', label: 'Oma työprofiilini' },
    { id: 'x', label: 'X (Twitter)', aliases: ['twitter'] },
  ];
  it('match by number, label without diacritics or case, id and alias', () => {
    expect(matchOption('1', options)?.id).toBe('own_work_profile');
    expect(matchOption('OMA TYOPROFIILINI', options)?.id).toBe('own_work_profile');
    expect(matchOption('own_work_profile', options)?.id).toBe('own_work_profile');
    expect(matchOption('Twitter!', options)?.id).toBe('x');
    expect(matchOption('x (twitter)', options)?.id).toBe('x');
    expect(matchOption('3', options)).toBeUndefined();
    expect(matchOption('0', options)).toBeUndefined();
    expect(matchOption('', options)).toBeUndefined();
  });

  it('take the everyday words for an account, not only the button’s label, in either language', () => {
    for (const lang of ['sv', 'fi'] as const) {
      const options = accountKindOptions(translator(lang));
      expect(matchOption('privat', options)?.id).toBe('private_profile');
      expect(matchOption('yksityinen', options)?.id).toBe('private_profile');
      expect(matchOption('jobbprofil', options)?.id).toBe('own_work_profile');
      expect(matchOption('työprofiili', options)?.id).toBe('own_work_profile');
      expect(matchOption('Kommunens', options)?.id).toBe('organisation_account');
      expect(matchOption('kunnan tili', options)?.id).toBe('organisation_account');
      expect(matchOption('någon annans konto', options)).toBeUndefined();
    }
  });

  it('take the short names and the "on X" forms people type for a service, in either language', () => {
    for (const lang of ['sv', 'fi'] as const) {
      const options = platformOptions(translator(lang));
      for (const typed of ['fb', 'FB', 'face', 'på facebook', 'facebookissa', 'Facebookista']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'facebook']);
      for (const typed of ['insta', 'ig', 'på insta', 'på instagram', 'instassa', 'instagramissa']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'instagram']);
      for (const typed of ['twitter', 'på twitter', 'twitterissä', 'x:ssä']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'x']);
      for (const typed of ['tik tok', 'på tiktok', 'tiktokissa']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'tiktok']);
      for (const typed of ['yt', 'på youtube', 'youtubessa']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'youtube']);
      for (const typed of ['på linkedin', 'linkedinissä']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'linkedin']);
      expect(matchOption('snabbt', options)).toBeUndefined();
    }
    const words = platformOptions(translator('sv')).flatMap((o) => [o.label, ...(o.aliases ?? [])].map((w) => [normalizeAnswer(w), o.id] as const));
    const kindsOf = new Map<string, Set<string>>();
    for (const [w, id] of words) kindsOf.set(w, (kindsOf.get(w) ?? new Set()).add(id));
    expect([...kindsOf].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it('take everyday words for what happened, and the other languages’ names, at "what is it about?"', () => {
    const cases: [string, string][] = [
      ['hotad', 'threat'], ['uhkailu', 'threat'], ['hot', 'threat'], ['uhkaus', 'threat'],
      ['trakasserier', 'harassment'], ['häirintä', 'harassment'], ['nätmobbning', 'harassment'],
      ['kapat konto', 'identity_theft'], ['hackat konto', 'identity_theft'], ['kaapattu tili', 'identity_theft'], ['hakkerointi', 'identity_theft'],
      ['nätfiske', 'phishing'], ['phishing', 'phishing'], ['kalastelu', 'phishing'], ['tietojenkalastelu', 'phishing'],
      ['virus', 'malware'], ['skadeprogram', 'malware'], ['haittaohjelma', 'malware'],
      ['journalist', 'media_contact'], ['media', 'media_contact'], ['toimittaja', 'media_contact'],
      ['falska påståenden', 'misinformation'], ['valheellinen väite', 'misinformation'],
      ['olagligt innehåll', 'illegal_content'], ['laiton sisältö', 'illegal_content'],
    ];
    for (const lang of ['sv', 'fi'] as const) {
      const options = categoryOptions(translator(lang));
      for (const [typed, id] of cases) expect([lang, typed, matchOption(typed, options)?.id]).toEqual([lang, typed, id]);
      const words = options.flatMap((o) => [o.label, ...(o.aliases ?? [])].map((w) => [normalizeAnswer(w), o.id] as const));
      const kindsOf = new Map<string, Set<string>>();
      for (const [w, id] of words) kindsOf.set(w, (kindsOf.get(w) ?? new Set()).add(id));
      expect([...kindsOf].filter(([, ids]) => ids.size > 1)).toEqual([]);
    }
  });

  it('take the everyday yes and no of both languages', () => {
    const options = yesNoOptions(translator('sv'));
    for (const typed of ['japp', 'jepp', 'ja tack', 'absolut', 'kyllä on', 'joo on', 'yep', 'yeah']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'yes']);
    for (const typed of ['nä', 'nää', 'nej tack', 'nix', 'ei oo', 'ei ole', 'eipä', 'ei tarvitse', 'nope', 'nah']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'no']);
  });

  it('take the definite and possessive forms of the account words', () => {
    const options = accountKindOptions(translator('sv'));
    for (const typed of ['jobbprofilen', 'min jobbprofil', 'arbetskontot', 'jobbkontot']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'own_work_profile']);
    for (const typed of ['privata profilen', 'min privata profil', 'privatprofil', 'privatkontot']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'private_profile']);
    for (const typed of ['kommunens sida', 'kommunens konto', 'kunnan sivulla', 'kunnan tilillä']) expect([typed, matchOption(typed, options)?.id]).toEqual([typed, 'organisation_account']);
  });

  it('never read one account word as two kinds of account', () => {
    const options = accountKindOptions(translator('sv'));
    const words = options.flatMap((o) => [o.label, ...(o.aliases ?? [])].map((w) => [normalizeAnswer(w), o.id] as const));
    const kindsOf = new Map<string, Set<string>>();
    for (const [w, id] of words) kindsOf.set(w, (kindsOf.get(w) ?? new Set()).add(id));
    expect([...kindsOf].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it('recognise cancel words only as the whole message', () => {
    expect(['avbryt', 'Peruuta', ' CANCEL! '].every(isCancelText)).toBe(true);
    expect(isCancelText('jag vill inte avbryta')).toBe(false);
    expect(normalizeAnswer('  Kyllä. ')).toBe('kylla');
  });

  it('plain text shows choices numbered from 1', () => {
    expect(renderPlainText({ kind: 'prompt', text: 'Q?', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] })).toBe('Q?\n  1. A\n  2. B');
    expect(renderPlainText({ kind: 'info', text: 'Hi' })).toBe('Hi');
  });
});
