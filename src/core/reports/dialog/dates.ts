import { foldCase, stripDiacritics } from '../../text/normalize';
import { isoDate } from '../calendarDate';
import { dateTimeFormat } from '../../text/intlFormats';

/** Words for today and yesterday in sv, fi and en, compared without diacritics ("igår" = "igar"). */
const TODAY_WORDS = ['idag', 'i dag', 'today', 'tanaan'];
const YESTERDAY_WORDS = ['igar', 'i gar', 'yesterday', 'eilen'];

export type DateParse = { ok: true; date: string } | { ok: false; reason: 'unrecognised' | 'future' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FINNISH = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** The day before an ISO date. */
export function previousDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * When something happened, from what a person typed: "idag"/"i dag"/"today"/"tänään", "igår"/"i går"/
 * "yesterday"/"eilen", d.m.yyyy or yyyy-mm-dd. Dates after `today` (YYYY-MM-DD) are rejected as 'future'.
 */
export function parseOccurredOn(text: string, today: string): DateParse {
  const word = stripDiacritics(foldCase(text)).trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  let date: string | undefined;
  if (TODAY_WORDS.includes(word)) date = today;
  else if (YESTERDAY_WORDS.includes(word)) date = previousDay(today);
  else {
    const iso = ISO.exec(word);
    const fin = FINNISH.exec(word);
    if (iso) date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    else if (fin) date = isoDate(Number(fin[3]), Number(fin[2]), Number(fin[1]));
  }
  if (!date) return { ok: false, reason: 'unrecognised' };
  if (date > today) return { ok: false, reason: 'future' };
  return { ok: true, date };
}

/** Today's date (YYYY-MM-DD) in a time zone, e.g. todayIn('Europe/Helsinki'). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
