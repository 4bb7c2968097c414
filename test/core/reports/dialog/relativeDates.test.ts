/**
 * "When did it happen?" as staff answer it, in Swedish and Finnish: relative days, weekdays, last week,
 * "N days ago", written dates, and periods for situations that still go on. Today is Wednesday 18 March 2026.
 */
import { parseOccurredOn } from '../../../../src/core/reports/dialog/dates';
import { DEMO, demoContext } from '../../../helpers/reportFixtures';
import { play, start, type Turn } from './transcript';

const TODAY = '2026-03-18'; // a Wednesday

type Expected = { date: string; until?: string; ongoing?: true };
const day = (date: string): Expected => ({ date });
const since = (date: string): Expected => ({ date, ongoing: true });
const span = (date: string, until: string): Expected => ({ date, until });

const SWEDISH: [string, Expected][] = [
  ['i dag', day('2026-03-18')],
  ['idag', day('2026-03-18')],
  ['I går.', day('2026-03-17')],
  ['igår', day('2026-03-17')],
  ['i förrgår', day('2026-03-16')],
  ['i måndags', day('2026-03-16')],
  ['i söndags', day('2026-03-15')],
  ['i onsdags', day('2026-03-11')], // said on a Wednesday: a week ago
  ['i fredags', day('2026-03-13')],
  ['förra veckan', span('2026-03-09', '2026-03-15')],
  ['för tre dagar sedan', day('2026-03-15')],
  ['för två veckor sedan', day('2026-03-04')],
  ['15 mars', day('2026-03-15')],
  ['15.3.2026', day('2026-03-15')],
  ['15.3.', day('2026-03-15')],
  ['2026-03-15', day('2026-03-15')],
  ['20.12.', day('2025-12-20')],
  // periods that still go on
  ['sedan förra veckan', since('2026-03-09')],
  ['sedan två veckor', since('2026-03-04')],
  ['sen två veckor tillbaka', since('2026-03-04')],
  ['sedan i måndags', since('2026-03-16')],
  ['sedan 1 mars', since('2026-03-01')],
  ['i tre veckor', since('2026-02-25')],
  ['från 1 mars till nu', since('2026-03-01')],
  ['från 1 mars till idag', since('2026-03-01')],
  ['1.3.–nu', since('2026-03-01')],
  // the time of day after a day, words of doubt before it, a month named alone
  ['i lördags kväll', day('2026-03-14')],
  ['igår eftermiddag', day('2026-03-17')],
  ['i dag på morgonen', day('2026-03-18')],
  ['i dag morse', day('2026-03-18')],
  ['typ i måndags', day('2026-03-16')],
  ['nån gång förra veckan', span('2026-03-09', '2026-03-15')],
  ['i februari', span('2026-02-01', '2026-02-28')],
  ['i mars', span('2026-03-01', '2026-03-18')],
  ['i november', span('2025-11-01', '2025-11-30')],
  // a period that ended
  ['från 1 mars till 10 mars', span('2026-03-01', '2026-03-10')],
  ['1.3.-10.3.2026', span('2026-03-01', '2026-03-10')],
];

const FINNISH: [string, Expected][] = [
  ['tänään', day('2026-03-18')],
  ['Eilen', day('2026-03-17')],
  ['toissapäivänä', day('2026-03-16')],
  ['toissa päivänä', day('2026-03-16')],
  ['viime tiistaina', day('2026-03-17')],
  ['maanantaina', day('2026-03-16')],
  ['viime keskiviikkona', day('2026-03-11')],
  ['viime viikolla', span('2026-03-09', '2026-03-15')],
  ['kolme päivää sitten', day('2026-03-15')],
  ['viikko sitten', day('2026-03-11')],
  ['15. maaliskuuta', day('2026-03-15')],
  ['15.3.2026', day('2026-03-15')],
  // periods that still go on
  ['viime viikosta lähtien', since('2026-03-09')],
  ['viime viikosta asti', since('2026-03-09')],
  ['maanantaista lähtien', since('2026-03-16')],
  ['1.3. lähtien', since('2026-03-01')],
  ['1.3. alkaen', since('2026-03-01')],
  ['kahden viikon ajan', since('2026-03-04')],
  ['jo kaksi viikkoa', since('2026-03-04')],
  ['1.3.–nyt', since('2026-03-01')],
  ['1.3.-10.3.', span('2026-03-01', '2026-03-10')],
  ['tiistaina illalla', day('2026-03-17')],
  ['eilen iltapäivällä', day('2026-03-17')],
  ['noin viikko sitten', day('2026-03-11')],
  ['helmikuussa', span('2026-02-01', '2026-02-28')],
  ['joulukuussa', span('2025-12-01', '2025-12-31')],
];

describe('relative dates and periods', () => {
  it.each([...SWEDISH, ...FINNISH])('%s', (typed, expected) => {
    expect(parseOccurredOn(typed, TODAY)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['i morgon', 'future'],
    ['huomenna', 'future'],
    ['tomorrow', 'future'],
    ['någon gång i vintras', 'unrecognised'],
    ['en vecka', 'unrecognised'],
    ['31.2.2026', 'unrecognised'],
    ['från 10 mars till 1 mars', 'unrecognised'],
    ['2026-03-20', 'future'],
    ['20.3.', 'future'],
    ['från 1 mars till 20 mars', 'future'],
  ])('refuses %s (%s)', (typed, reason) => {
    expect(parseOccurredOn(typed, TODAY)).toEqual({ ok: false, reason });
  });
});

describe('the date step of the dialog', () => {
  const upToDate = (answer: string, expect: string | string[]): Turn[] => [
    [start('harassment'), 'omedelbar fara'],
    ['nej', 'Var hände det?'],
    ['Instagram', 'Vilket konto'],
    ['min privata profil', 'Berätta kort'],
    ['Samma konto skriver elaka kommentarer hela tiden.', ['När hände det?', 'i måndags', 'sedan två veckor']],
    [answer, expect],
  ];

  it('takes "i måndags" and moves on (sv)', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv', TODAY);
    const run = play(upToDate('i måndags', 'Har du bevis?'), ctx);
    expect(run.final.state?.draft.occurredOn).toBe('2026-03-16');
  });

  it('takes an ongoing period "sedan två veckor" and shows it in the summary (sv)', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv', TODAY);
    const run = play([...upToDate('sedan två veckor', 'Har du bevis?'), ['nej', 'Är den du anmäler din egen chef?'], ['nej', 'sedan 2026-03-04, pågår fortfarande']], ctx);
    expect(run.final.state?.draft).toMatchObject({ occurredOn: '2026-03-04', ongoing: true });
  });

  it('explains with examples when it cannot read the date, and keeps the question (sv)', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv', TODAY);
    const run = play(upToDate('typ nyss', ['Jag kunde inte läsa tidpunkten ”typ nyss”', '”i måndags”', '”sedan två veckor”', 'När hände det?']), ctx);
    expect(run.final.state?.step).toBe('occurred_on');
    expect(run.final.state?.draft.occurredOn).toBeUndefined();
  });

  it('refuses a day in the future with its own message (sv)', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv', TODAY);
    play(upToDate('någon gång i vintras', 'Jag kunde inte läsa tidpunkten'), ctx);
    play(upToDate('i morgon', '”i morgon” ligger i framtiden'), ctx);
    play(upToDate('2026-03-25', '”2026-03-25” ligger i framtiden'), ctx);
  });

  const upToDateFi = (answer: string, expect: string | string[]): Turn[] => [
    [start('harassment'), 'välittömässä vaarassa'],
    ['ei', 'Missä se tapahtui?'],
    ['Facebook', 'Mitä tiliä'],
    ['1', 'Kerro lyhyesti'],
    ['Sama tili kirjoittaa ilkeitä kommentteja koko ajan.', ['Milloin se tapahtui?', 'viime tiistaina', 'viime viikosta lähtien']],
    [answer, expect],
  ];

  it('takes "viime tiistaina" (fi)', async () => {
    const ctx = await demoContext(DEMO.mikko, 'fi', TODAY);
    const run = play(upToDateFi('viime tiistaina', 'Onko sinulla todisteita?'), ctx);
    expect(run.final.state?.draft.occurredOn).toBe('2026-03-17');
  });

  it('takes "viime viikosta lähtien" as an ongoing period and shows it in the summary (fi)', async () => {
    const ctx = await demoContext(DEMO.mikko, 'fi', TODAY);
    const run = play([...upToDateFi('viime viikosta lähtien', 'Onko sinulla todisteita?'), ['ei', 'oma esihenkilösi?'], ['ei', '9.3.2026 alkaen, jatkuu yhä']], ctx);
    expect(run.final.state?.draft).toMatchObject({ occurredOn: '2026-03-09', ongoing: true });
  });

  it('explains with Finnish examples when it cannot read the date (fi)', async () => {
    const ctx = await demoContext(DEMO.mikko, 'fi', TODAY);
    play(upToDateFi('joskus', ['En pystynyt lukemaan ajankohtaa ”joskus”', '”viime tiistaina”', '”viime viikosta lähtien”', 'Milloin se tapahtui?']), ctx);
  });

  it('a button answer (today) clears a period typed before', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv', TODAY);
    const run = play(upToDate('sedan två veckor', 'Har du bevis?'), ctx);
    const state = { ...run.final.state!, step: 'occurred_on' as const };
    const again = play([[{ type: 'choice', id: 'today' }, 'Har du bevis?']], ctx, { from: state });
    expect(again.final.state?.draft.occurredOn).toBe('2026-03-18');
    expect(again.final.state?.draft.ongoing).toBeUndefined();
  });
});
