import { foldCase, stripDiacritics } from '../../text/normalize';
import { isoDate } from '../calendarDate';
import { dateTimeFormat } from '../../text/intlFormats';

/**
 * When something happened, as a person types it in Swedish, Finnish or English: one day, a closed period
 * ("förra veckan", "viime viikolla", "från 1 maj till 10 maj") or a situation that still goes on ("sedan två
 * veckor", "viime viikosta lähtien", "från 1 maj till nu"). Dates are YYYY-MM-DD.
 */
export type DateParse =
  | { ok: true; date: string; until?: string; ongoing?: true }
  | { ok: false; reason: 'unrecognised' | 'future' };

/** A point in time the parser found: a day, or a span (last week, last month) when the words name one. */
type Point = { from: string; to: string };

const DAY_MS = 86_400_000;

function toDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
const toIso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))));
}
/** Monday = 0 … Sunday = 6. */
const weekday = (iso: string) => (toDate(iso).getUTCDay() + 6) % 7;

/** The day before an ISO date. */
export function previousDay(iso: string): string {
  return addDays(iso, -1);
}

const day = (iso: string): Point => ({ from: iso, to: iso });

/** Weekdays (Monday first) in the forms people use for "last Monday": sv "i måndags", fi "maanantaina"/"maanantaista". */
const WEEKDAYS_SV = ['mandags', 'tisdags', 'onsdags', 'torsdags', 'fredags', 'lordags', 'sondags'];
const WEEKDAYS_FI = ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai'];
const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Months as written after a day number: sv "1 maj", fi "1. toukokuuta", en "1 may". */
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_FI = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesa', 'heina', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Number words up to ten and a few vague ones that mean a small number, in sv, fi (several cases) and en. */
const NUMBERS: Record<string, number> = {
  en: 1, ett: 1, ena: 1, tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10,
  yksi: 1, yhden: 1, yhta: 1, kaksi: 2, kahden: 2, kahta: 2, kolme: 3, kolmen: 3, kolmea: 3, nelja: 4, neljan: 4, neljaa: 4,
  viisi: 5, viiden: 5, viitta: 5, kuusi: 6, kuuden: 6, kuutta: 6, seitseman: 7, kahdeksan: 8, yhdeksan: 9, kymmenen: 10,
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const number = (word: string): number | undefined => (/^\d{1,3}$/.test(word) ? Number(word) : NUMBERS[word]);

/** Units of a duration in sv, fi and en, in the forms used with a number; value in days, or 'month'. */
function unit(word: string): number | 'month' | undefined {
  if (/^(dag|dagar|dagarna|dygn|paiva|paivaa|paivan|paivia|day|days)$/.test(word)) return 1;
  if (/^(vecka|veckor|veckan|veckorna|viikko|viikkoa|viikon|viikkoja|week|weeks)$/.test(word)) return 7;
  if (/^(manad|manader|manaden|kuukausi|kuukautta|kuukauden|kuukausia|month|months)$/.test(word)) return 'month';
  return undefined;
}

/** "två veckor", "2 dagar", "kaksi viikkoa", "viikko", "a week": the day that long before today. */
function durationAgo(words: string[], today: string): string | undefined {
  let count = 1;
  let rest = words;
  if (rest.length === 2) {
    const n = number(rest[0]!);
    if (n === undefined) return undefined;
    count = n;
    rest = rest.slice(1);
  }
  if (rest.length !== 1) return undefined;
  const u = unit(rest[0]!);
  if (u === undefined || count < 1) return undefined;
  return u === 'month' ? addMonths(today, -count) : addDays(today, -count * u);
}

const mondayOf = (iso: string) => addDays(iso, -weekday(iso));

/** The most recent given weekday strictly before today ("i måndags" said on a Monday means a week ago). */
const lastWeekday = (index: number, today: string) => addDays(today, -(((weekday(today) - index + 6) % 7) + 1));

/** A day written as digits or with a month name; without a year, this year's (last year's for a later month). */
function writtenDate(text: string, today: string): string | undefined | 'invalid' {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2})?)?$/.exec(text);
  if (m) {
    day = Number(m[1]);
    month = Number(m[2]);
    if (m[3]) year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  } else {
    m = /^(\d{1,2})\.? ?([a-z]+?)(?:kuuta|n)?(?: (\d{4}))?$/.exec(text);
    const name = m?.[2];
    if (m && name) {
      const index = [MONTHS_SV, MONTHS_FI, MONTHS_EN].map((list) => list.findIndex((mo) => mo === name || (mo.length > 3 && name.startsWith(mo.slice(0, 3)) && mo.startsWith(name)))).find((i) => i >= 0);
      if (index === undefined) return undefined;
      day = Number(m[1]);
      month = index + 1;
      if (m[3]) year = Number(m[3]);
    }
  }
  if (day === undefined || month === undefined) return undefined;
  const thisYear = toDate(today).getUTCFullYear();
  if (year !== undefined) return isoDate(year, month, day) ?? 'invalid';
  const guess = isoDate(thisYear, month, day);
  if (!guess) return 'invalid';
  // "20.12." typed in January means last December; a later day of this month is a mistake (future).
  const laterMonth = month > toDate(today).getUTCMonth() + 1;
  return guess > today && laterMonth ? (isoDate(thisYear - 1, month, day) ?? 'invalid') : guess;
}

/** One point in time (a day, or last week / last month as a span); undefined when the words are not one. */
function point(text: string, today: string): Point | undefined | 'invalid' {
  if (/^(i ?dag|idag|today|tanaan|tasta paivasta|nu|nyt|now|i morse|i natt|i kvall|tana aamuna|tanaan aamulla|viime yona|yolla)$/.test(text)) return day(today);
  if (/^(i ?gar|igar|yesterday|eilen|eilisesta|eilisesta paivasta|i gar kvall|igar kvall|eilen illalla)$/.test(text)) return day(addDays(today, -1));
  // Tomorrow is read so that it can be refused as in the future, not as unreadable.
  if (/^(i ?morgon|imorgon|tomorrow|huomenna|i overmorgon|ylihuomenna)$/.test(text)) return day(addDays(today, text.includes('over') || text.startsWith('yli') ? 2 : 1));
  if (/^(i ?forrgar|iforrgar|toissa ?paivana|toissapaivasta|toissa paivasta|the day before yesterday)$/.test(text)) return day(addDays(today, -2));
  // Weekdays: "i måndags", "måndags", "förra måndagen"; "maanantaina", "viime maanantaina", "maanantaista"; "last monday".
  const sv = /^(?:i |forra )?(man|tis|ons|tors|fre|lor|son)(?:dags|dagen)$/.exec(text);
  if (sv) return day(lastWeekday(WEEKDAYS_SV.findIndex((w) => w.startsWith(sv[1]!)), today));
  const fi = /^(?:viime )?(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)(?:na|sta)$/.exec(text);
  if (fi) return day(lastWeekday(WEEKDAYS_FI.indexOf(fi[1]!), today));
  const en = /^(?:last |on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.exec(text);
  if (en) return day(lastWeekday(WEEKDAYS_EN.indexOf(en[1]!), today));
  // Last week / last month as the whole span.
  if (/^(forra veckan|forra vecka|forraveckan|viime viikolla|viime viikko|viime viikosta|viime viikon|last week)$/.test(text)) {
    const monday = addDays(mondayOf(today), -7);
    return { from: monday, to: addDays(monday, 6) };
  }
  if (/^(forra manaden|viime kuussa|viime kuusta|viime kuun|last month)$/.test(text)) {
    const first = addMonths(`${today.slice(0, 8)}01`, -1);
    return { from: first, to: addDays(`${today.slice(0, 8)}01`, -1) };
  }
  if (/^(i borjan av veckan|tamal viikolla|den har veckan|this week|tama viikko|tasta viikosta)$/.test(text)) return { from: mondayOf(today), to: today };
  // "för två veckor sedan", "3 dagar sedan", "kaksi viikkoa sitten", "a week ago".
  const ago = /^(?:for )?(.+?) (?:sedan|sen|sitten|ago)$/.exec(text);
  if (ago) {
    const date = durationAgo(ago[1]!.split(' '), today);
    if (date) return day(date);
  }
  const written = writtenDate(text, today);
  if (written === 'invalid') return 'invalid';
  if (written) return day(written);
  const month = monthNamed(text, today);
  if (month) return month;
  // A day with the time of day after it: "i lördags kväll", "igår eftermiddag", "tiistaina illalla".
  const timeOfDay = TIME_OF_DAY.exec(text);
  if (timeOfDay) return point(timeOfDay[1]!, today);
  return undefined;
}

/** The time of day said after a day (never "morgon" alone: "i morgon" is tomorrow). */
const TIME_OF_DAY =
  /^(.+?) (?:pa |pa den |on |in the )?(?:kvallen|kvall|morse|morgonen|formiddag|formiddagen|eftermiddag|eftermiddagen|natten|lunch|lunchen|illalla|aamulla|aamupaivalla|iltapaivalla|paivalla|yolla|morning|afternoon|evening|night)$/;

/** A month named alone: "i november", "marraskuussa", "in november"; the latest such month up to today, as a span. */
function monthNamed(text: string, today: string): Point | undefined {
  const m = /^(?:i |in )([a-z]+)$/.exec(text);
  const fi = /^([a-z]+)kuussa$/.exec(text);
  const index = m ? [MONTHS_SV, MONTHS_EN].map((list) => list.indexOf(m[1]!)).find((i) => i >= 0) : fi ? MONTHS_FI.indexOf(fi[1]!) : -1;
  if (index === undefined || index < 0) return undefined;
  const thisYear = toDate(today).getUTCFullYear();
  const year = index + 1 > toDate(today).getUTCMonth() + 1 ? thisYear - 1 : thisYear;
  const first = `${year}-${String(index + 1).padStart(2, '0')}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return { from: first, to: last > today ? today : last };
}

/** Words of doubt before a time ("typ i måndags", "nån gång förra veckan", "noin viikko sitten"): read without them. */
const HEDGE = /^(?:typ|ungefar|cirka|ca|kanske|troligen|nog|nan gang|nagon gang|runt|omkring|ehka|noin|suunnilleen|joskus|luultavasti|about|around|maybe|probably|sometime) (.+)$/;

const END_NOW = /^(nu|nyt|now|idag|i dag|tanaan|tahan paivaan|tahan asti|tahan saakka|today|tills nu|till nu|fram till nu|framat|och framat|pagar|pagaende|jatkuu|yha|edelleen)$/;

/**
 * Reads what a person typed at "when did it happen?". Accepts, in sv/fi/en: today, yesterday, the day before
 * ("i förrgår", "toissapäivänä"), a past weekday ("i måndags", "viime tiistaina"), last week or month
 * ("förra veckan", "viime viikolla"), "N days/weeks/months ago" ("för två veckor sedan", "kaksi viikkoa
 * sitten"), written dates (2026-03-15, 15.3.2026, 15.3., 15 mars, 15. maaliskuuta); and periods: "sedan X" /
 * "från X" / "X lähtien|alkaen|asti" (still going on), "sedan två veckor", "kahden viikon ajan", "från X till
 * Y" / "X–Y" (Y may be "nu"/"nyt": still going on). Nothing may start after `today`.
 */
export function parseOccurredOn(text: string, today: string): DateParse {
  const typed = stripDiacritics(foldCase(text))
    .replace(/[–—]/g, ' - ')
    .replace(/\.-(?=\d)/g, '. - ')
    .replace(/\s*-\s*(?=[^\d\s]|$)/g, ' - ')
    .replace(/[!?,;"”“']+/g, ' ')
    .replace(/([^\d\s])\.+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const result = period(typed, today);
  if (result === undefined || result === 'invalid') return { ok: false, reason: 'unrecognised' };
  if (result.date > today || (result.until !== undefined && result.until > today)) return { ok: false, reason: 'future' };
  if (result.until !== undefined && result.until < result.date) return { ok: false, reason: 'unrecognised' };
  if (result.until === result.date) return { ok: true, date: result.date };
  return result;
}

type Found = { ok: true; date: string; until?: string; ongoing?: true };

function fromPoint(p: Point): Found {
  return p.from === p.to ? { ok: true, date: p.from } : { ok: true, date: p.from, until: p.to };
}

function period(text: string, today: string): Found | undefined | 'invalid' {
  if (text === '') return undefined;
  const hedged = HEDGE.exec(text);
  if (hedged) return period(hedged[1]!, today);
  // "från X till Y", "X - Y", "X till Y", "X–Y" (Y may be now: ongoing).
  const range = /^(?:fran |fr o m |from |mellan )?(.+?) (?:-|till|to|tills|until|och)(?: den)? (.+)$/.exec(text);
  if (range && !/ (sedan|sitten|ago)$/.test(text)) {
    const start = point(range[1]!, today) ?? point(trimFinnishCase(range[1]!), today);
    if (start && start !== 'invalid') {
      if (END_NOW.test(range[2]!)) return { ok: true, date: start.from, ongoing: true };
      const end = point(range[2]!, today) ?? point(trimFinnishCase(range[2]!), today);
      if (end && end !== 'invalid') return { ok: true, date: start.from, until: end.to };
    }
  }
  // Swedish and English: "sedan X", "sen X", "ända sedan X", "från X", "since X", "X och framåt".
  const since = /^(?:anda |allt ?)?(?:sedan|sen|fran|fr o m|since|from) (.+?)(?: (?:tillbaka|och framat|framat|till nu|tills nu|fram till nu))?$/.exec(text)
    ?? /^(.+?) (?:och framat|framat)$/.exec(text);
  if (since) return ongoingFrom(since[1]!, today);
  // Finnish: "X lähtien/alkaen/asti/saakka" (X in the elative), "jo kaksi viikkoa", "kahden viikon ajan".
  const fiSince = /^(.+?) (?:lahtien|alkaen|asti|saakka)(?: (?:nyt|tahan asti|asti))?$/.exec(text);
  if (fiSince) return ongoingFrom(trimFinnishCase(fiSince[1]!), today, fiSince[1]!);
  const during = /^(?:jo )?(.+?) (?:ajan|ajan jo|jo)$/.exec(text) ?? /^jo (.+)$/.exec(text) ?? /^i (\S+ (?:dagar|veckor|manader|dag|vecka|manad))(?: nu)?$/.exec(text) ?? /^for (?:the last |the past )?(.+)$/.exec(text);
  if (during) {
    const start = durationAgo(during[1]!.split(' '), today);
    if (start) return { ok: true, date: start, ongoing: true };
  }
  const p = point(text, today);
  if (p === 'invalid') return 'invalid';
  return p ? fromPoint(p) : undefined;
}

function ongoingFrom(what: string, today: string, original?: string): Found | undefined | 'invalid' {
  const duration = durationAgo(what.split(' '), today);
  if (duration) return { ok: true, date: duration, ongoing: true };
  const p = point(what, today) ?? (original ? point(original, today) : undefined);
  if (p === 'invalid') return 'invalid';
  return p ? { ok: true, date: p.from, ongoing: true } : undefined;
}

/**
 * Finnish elative and similar endings on the words point() knows in their plain form: "viime viikosta" is
 * read as "viime viikosta" (listed), "1.5.:sta" as "1.5.", "maanantaista" is listed, "toukokuun 1. päivästä"
 * as "1. toukokuuta".
 */
function trimFinnishCase(text: string): string {
  const m = /^([a-z]+)n (\d{1,2})\.? paiva(?:sta|na|an)?$/.exec(text);
  if (m) return `${m[2]}. ${m[1]}kuuta`;
  return text.replace(/:(?:sta|sta|na|aan|een|ta)$/, '').replace(/(\d)\.?(?:sta|lta)$/, '$1');
}

/** The draft fields of a parsed date: occurredOn, and occurredUntil or ongoing for a period. */
export function periodFields(parsed: Extract<DateParse, { ok: true }>): { occurredOn: string; occurredUntil?: string; ongoing?: boolean } {
  return { occurredOn: parsed.date, ...(parsed.until ? { occurredUntil: parsed.until } : {}), ...(parsed.ongoing ? { ongoing: true } : {}) };
}

/** Today's date (YYYY-MM-DD) in a time zone, e.g. todayIn('Europe/Helsinki'). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
