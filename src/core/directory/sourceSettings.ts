import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

/**
 * The `source:` section of the directory file: where people, managers and groups come from when not from
 * the file's own `people:` list. Group references are Entra group object ids (graph) or group DNs (ldap).
 */
export const sourceSettingsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('graph'),
    itSecurityGroup: nonEmpty.optional(),
    hrGroup: nonEmpty.optional(),
    communicationsGroup: nonEmpty.optional(),
  }),
  z.strictObject({
    kind: z.literal('ldap'),
    /** ldap://host:389 (StartTLS with startTls: true) or ldaps://host:636. */
    url: z.string().regex(/^ldaps?:\/\/[^\s/]+\/?$/, 'ldap://host[:port] or ldaps://host[:port]'),
    baseDn: nonEmpty,
    /** Which entries are people; default (objectClass=person). */
    userFilter: nonEmpty.optional(),
    /** Upgrade an ldap:// connection with StartTLS before binding. */
    startTls: z.boolean().optional(),
    itSecurityGroup: nonEmpty.optional(),
    hrGroup: nonEmpty.optional(),
    communicationsGroup: nonEmpty.optional(),
  }),
]);

export type SourceSettings = z.infer<typeof sourceSettingsSchema>;
export type GraphSourceSettings = Extract<SourceSettings, { kind: 'graph' }>;
export type LdapSourceSettings = Extract<SourceSettings, { kind: 'ldap' }>;
