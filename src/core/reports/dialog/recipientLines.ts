import type { TFunction } from 'i18next';
import type { RecipientRole } from '../routing';

/**
 * One line per reason, in first-seen order, with the names told for that reason:
 * "• Timo Korhonen, Linnea Berg, #informationsforvaltningen – informationsförvaltningen (IT-säkerhet)".
 * `key` is the i18n key of the line (it takes {{names}} and {{role}}).
 */
export function recipientLines(recipients: readonly { name: string; role: RecipientRole }[], t: TFunction, key: string): string[] {
  const byRole = new Map<RecipientRole, string[]>();
  for (const r of recipients) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.name]);
  return [...byRole].map(([role, names]) => t(key, { names: names.join(', '), role: t(`reports:role.${role}`) }));
}

/** A date as people write it: d.m.yyyy in Finnish, YYYY-MM-DD otherwise. */
export function displayDate(iso: string, lang: string): string {
  if (lang !== 'fi') return iso;
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}.${month}.${year}`;
}
