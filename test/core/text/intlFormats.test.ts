import fs from 'node:fs';
import path from 'node:path';
import { dateTimeFormat, listFormat, numberFormat } from '../../../src/core/text/intlFormats';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('shared Intl formatters', () => {
  const instant = new Date('2026-03-05T12:07:00Z');

  it('formats exactly as a new formatter with the same locale and options', () => {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Helsinki', dateStyle: 'short', timeStyle: 'short' };
    expect(dateTimeFormat('sv-SE', options).format(instant)).toBe(new Intl.DateTimeFormat('sv-SE', options).format(instant));
    expect(numberFormat('fi-FI', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(3)).toBe(
      new Intl.NumberFormat('fi-FI', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(3),
    );
    expect(listFormat('sv-SE', { style: 'long', type: 'conjunction' }).format(['a', 'b'])).toBe('a och b');
  });

  it('gives the same formatter for the same locale and options, another for other ones', () => {
    const first = dateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' });
    expect(dateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' })).toBe(first);
    expect(dateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric' })).not.toBe(first);
    expect(dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' })).not.toBe(first);
    // 22:30 UTC on 5 March is 23:30 in Stockholm and 00:30 the next day in Helsinki: the time zone is part of the key.
    const late = new Date('2026-03-05T22:30:00Z');
    const day = (timeZone: string) => dateTimeFormat('en-CA', { timeZone, day: '2-digit' }).format(late);
    expect([day('Europe/Stockholm'), day('Europe/Helsinki')]).toEqual(['05', '06']);
  });

  it('throws for an unknown time zone, as the constructor does, and keeps nothing', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('keeps a bounded number of formatters: the oldest is made again after many others', () => {
    const oldest = numberFormat('sv-SE', { minimumFractionDigits: 0 });
    for (let digits = 1; digits <= 20; digits++) for (const locale of ['sv-SE', 'fi-FI', 'en-GB', 'de-DE', 'fr-FR', 'nb-NO', 'da-DK', 'et-EE', 'es-ES', 'it-IT', 'pl-PL']) numberFormat(locale, { minimumFractionDigits: digits });
    expect(numberFormat('sv-SE', { minimumFractionDigits: 0 })).not.toBe(oldest);
  });

  it('is the only place in src/ that constructs Intl formatters (each one made per call held ICU memory outside the heap)', () => {
    const own = path.join(SRC, 'core', 'text', 'intlFormats.ts');
    const offenders = sourceFiles(SRC)
      .filter((file) => file !== own && /new Intl\.(DateTimeFormat|NumberFormat|ListFormat|RelativeTimeFormat|PluralRules|Collator)\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
