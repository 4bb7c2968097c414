import type { TFunction } from 'i18next';
import type { RecipientRole } from '../routing';

/** A recipient as lists show it: a person's name, or (channel) one of a team's channels. */
export interface NamedRecipient {
  name: string;
  role: RecipientRole;
  /** A team channel: all of a team's channels are one post, named once as such. */
  channel?: boolean;
}

/**
 * One line per reason, in first-seen order, naming each person once and a team's channels once as its
 * shared channel: "• Karin Nyström – chef", "• gemensam kanal – informationsförvaltningen".
 * `key` is the i18n key of the line (it takes {{names}} and {{role}}).
 */
export function recipientLines(recipients: readonly NamedRecipient[], t: TFunction, key: string): string[] {
  const byRole = new Map<RecipientRole, string[]>();
  for (const r of recipients) {
    const name = r.channel ? t('notifications:teamPost') : r.name;
    const names = byRole.get(r.role) ?? [];
    if (!names.includes(name)) names.push(name);
    byRole.set(r.role, names);
  }
  return [...byRole].map(([role, names]) => t(key, { names: names.join(', '), role: t(`reports:role.${role}`) }));
}

/** A date as people write it: d.m.yyyy in Finnish, YYYY-MM-DD otherwise. */
export function displayDate(iso: string, lang: string): string {
  if (lang !== 'fi') return iso;
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

/**
 * Recipients on one line, each person and each team once: "Karin Nyström (chef), gemensam kanal
 * (informationsförvaltningen)". Role labels come from notifications:role.
 */
export function recipientSummary(recipients: readonly { name: string; role: string; channel?: boolean }[], t: TFunction): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of recipients) {
    const part = `${r.channel ? t('notifications:teamPost') : r.name} (${t(`notifications:role.${r.role}`)})`;
    if (seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
  }
  return parts.join(', ');
}
