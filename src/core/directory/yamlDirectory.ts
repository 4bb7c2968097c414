import fs from 'node:fs';
import { z } from 'zod';
import { UI_LANGS } from '../language/lang';
import { ConfigFileError, ConfigFileErrorCode, describeIssue, parseConfigYaml } from './configFileError';
import { PERSON_ROLES, PLATFORMS_REACHABLE, type ChannelRef, type Person } from './directory';
import { StaticDirectory } from './staticDirectory';
import { sourceSettingsSchema, type SourceSettings } from './sourceSettings';

const nonEmpty = z.string().trim().min(1);

const personSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"'),
  name: nonEmpty,
  title: nonEmpty.optional(),
  lang: z.enum(UI_LANGS).optional(),
  managerId: nonEmpty.optional(),
  roles: z.array(z.enum(PERSON_ROLES)).min(1),
  identities: z
    .strictObject({ slack: nonEmpty.optional(), teams: nonEmpty.optional(), email: z.string().email().optional() })
    .default({}),
});

const channelSchema = z.strictObject({ platform: z.enum(PLATFORMS_REACHABLE), id: nonEmpty, name: nonEmpty.optional() });

const fileSchema = z.strictObject({
  organisation: nonEmpty.optional(),
  itSecurity: z.strictObject({ channels: z.array(z.unknown()).default([]) }).optional(),
  source: sourceSettingsSchema.optional(),
  people: z.array(z.unknown()).min(1).optional(),
});

/** The parsed content of a directory file. */
export interface DirectoryFile {
  organisation?: string;
  people: Person[];
  itSecurityChannels: ChannelRef[];
  /** Where people come from instead of `people:` (Microsoft Graph, LDAP). */
  source?: SourceSettings;
}

function invalid(file: string, message: string, entry?: string, field?: string): ConfigFileError {
  return new ConfigFileError(ConfigFileErrorCode.Invalid, message, { file, entry, field });
}

function entryName(index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `people[${index}] (id "${id}")` : `people[${index}]`;
}

/**
 * Parses and validates a directory (YAML text). Throws ConfigFileError naming the file, the entry
 * (`people[3] (id "anna.lindqvist")`) and the field, for: a bad field, a duplicate id, a managerId that is
 * not in the file, a person who is their own manager, a platform identity used by two people.
 * Cycles longer than one and missing roles are not errors here: checkDirectory() reports them.
 */
export function parseDirectory(text: string, file = '<directory>'): DirectoryFile {
  const top = parseConfigYaml(text, file, fileSchema);
  if (!top.people && !top.source) {
    throw invalid(file, `${file}: field "people": a list of people, or a "source:" section, is required`, undefined, 'people');
  }

  const channels: ChannelRef[] = (top.itSecurity?.channels ?? []).map((value, index) => {
    const parsed = channelSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const entry = `itSecurity.channels[${index}]`;
      throw invalid(file, `${file}: ${entry}: ${describeIssue(issue)}`, entry, issue.path.join('.'));
    }
    const { platform, id, name } = parsed.data;
    return name === undefined ? { platform, id } : { platform, id, name };
  });

  const people: Person[] = [];
  const entries = new Map<string, string>();
  const identityOwners = new Map<string, string>();
  (top.people ?? []).forEach((value, index) => {
    const entry = entryName(index, value);
    const parsed = personSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(file, `${file}: ${entry}: ${describeIssue(issue)}`, entry, issue.path.join('.'));
    }
    const person = withoutUndefined(parsed.data) as Person;
    if (entries.has(person.id)) {
      throw invalid(file, `${file}: ${entry}: field "id": "${person.id}" is already used by ${entries.get(person.id)}`, entry, 'id');
    }
    if (person.managerId === person.id) {
      throw invalid(file, `${file}: ${entry}: field "managerId": a person cannot be their own manager`, entry, 'managerId');
    }
    for (const [platform, externalId] of Object.entries(person.identities)) {
      const key = `${platform}:${platform === 'email' ? externalId.toLowerCase() : externalId}`;
      const owner = identityOwners.get(key);
      if (owner) {
        const field = `identities.${platform}`;
        throw invalid(file, `${file}: ${entry}: field "${field}": "${externalId}" is already used by ${owner}`, entry, field);
      }
      identityOwners.set(key, entry);
    }
    entries.set(person.id, entry);
    people.push(person);
  });

  for (const person of people) {
    if (person.managerId !== undefined && !entries.has(person.managerId)) {
      const entry = entries.get(person.id)!;
      throw invalid(file, `${file}: ${entry}: field "managerId": no person with id "${person.managerId}"`, entry, 'managerId');
    }
  }
  return { organisation: top.organisation, people, itSecurityChannels: channels, ...(top.source ? { source: top.source } : {}) };
}

/** Reads a directory file (path given by the caller, e.g. from ORG_DIRECTORY) into a Directory. */
export async function loadYamlDirectory(file: string): Promise<StaticDirectory> {
  const parsed = readDirectoryFile(file);
  return new StaticDirectory(parsed.people, parsed.itSecurityChannels);
}

/** Reads and validates a directory file without building a Directory (for `somebot directory check`). */
export function readDirectoryFile(file: string): DirectoryFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigFileError(ConfigFileErrorCode.Unreadable, `${file}: cannot read: ${(err as Error).message}`, { file });
  }
  return parseDirectory(text, file);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
