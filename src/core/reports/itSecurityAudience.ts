import type { ChannelRef, Directory, Person } from '../directory/directory';
import type { Addressee } from './records';

/** IT security ("informationsförvaltningen") as the directory lists it: people and group channels. */
export interface ItSecurity {
  people: Person[];
  channels: ChannelRef[];
}

/** True when the person is part of IT security (has the role, or is listed among its people). */
export function isItSecurityPerson(person: Person, itSecurity: ItSecurity): boolean {
  return person.roles.includes('it_security') || itSecurity.people.some((p) => p.id === person.id);
}

/**
 * The part of IT security that may be told about one report. Used by routing, escalation, the dead-letter
 * alert and the "no recipient" alert alike:
 * - people: IT security's people except the reporter and the person reported;
 * - channels: IT security's group channels, except when the person reported is in IT security — they read
 *   those channels, so then only the other IT security people are told, each personally.
 */
export function itSecurityAudience(itSecurity: ItSecurity, report: { reporterId: string | null; subject: Person | undefined }): ItSecurity {
  const excluded = new Set([report.reporterId, report.subject?.id].filter((id): id is string => typeof id === 'string'));
  const subjectInItSecurity = report.subject !== undefined && isItSecurityPerson(report.subject, itSecurity);
  return {
    people: itSecurity.people.filter((p) => !excluded.has(p.id)),
    channels: subjectInItSecurity ? [] : [...itSecurity.channels],
  };
}

/**
 * itSecurityAudience for a stored report, looked up in the directory, as addressees with the role
 * 'it_security'. A person reported who is no longer in the directory cannot read IT security's channels.
 */
export async function itSecurityAddressees(
  directory: Pick<Directory, 'itSecurity' | 'person'>,
  report: { reporterId: string | null; subjectPersonId: string | null },
): Promise<Addressee[]> {
  const subject = report.subjectPersonId ? await directory.person(report.subjectPersonId) : undefined;
  const audience = itSecurityAudience(await directory.itSecurity(), { reporterId: report.reporterId, subject });
  return [
    ...audience.people
      .filter((p) => p.id !== report.subjectPersonId)
      .map((p): Addressee => ({ kind: 'person', personId: p.id, role: 'it_security' })),
    ...audience.channels.map((channel): Addressee => ({ kind: 'channel', channel, role: 'it_security' })),
  ];
}
