import type { ContentCipher } from '../contentCipher';

/**
 * Who reported whom is stored encrypted (`reports.reporter`, `reports.subject`) with a blind index
 * (`reporter_hash`, `subject_hash`). These are the contexts and index purposes, declared once.
 */
export const reporterContext = (reference: string): string => `report:${reference}:reporter`;
export const subjectContext = (reference: string): string => `report:${reference}:subject`;

export type PersonRole = 'reporter' | 'subject';

/** The blind index written for a person in a role (current key). */
export function personIndex(cipher: ContentCipher, role: PersonRole, personId: string): string {
  return cipher.blindIndex(personId, `report.${role}`);
}

/** Every blind index a person may have in a role while a key rotation is under way (one per key). */
export function personIndexes(cipher: ContentCipher, role: PersonRole, personId: string): string[] {
  return cipher.blindIndexes(personId, `report.${role}`);
}
