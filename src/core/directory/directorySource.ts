import type { UiLang } from '../language/lang';

/** Why a remote directory could not answer, declared once. */
export enum DirectorySourceErrorCode {
  /** The source did not answer, answered 5xx, or kept throttling: try again later, serve what is known. */
  Unavailable = 'directory_unavailable',
  /** The source refused the credentials or the permissions (401/403, LDAP bind refused). */
  Refused = 'directory_refused',
  /** The source answered something this code cannot read. */
  Malformed = 'directory_malformed',
}

/**
 * A remote directory failed. The message names the operation and the HTTP status or LDAP result code only:
 * never a person's name, address or id (it may reach a log).
 */
export class DirectorySourceError extends Error {
  override readonly name = 'DirectorySourceError';
  constructor(
    readonly code: DirectorySourceErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isDirectorySourceError(value: unknown): value is DirectorySourceError {
  return value instanceof DirectorySourceError;
}

/** A person as a remote source returns them: no roles (those come from groups) and no manager (its own call). */
export interface SourcePerson {
  /** The stable id the bot keys the person by (Entra object id; LDAP sAMAccountName or uid). */
  id: string;
  name: string;
  title?: string;
  lang?: UiLang;
  /** E-mail address (Graph `mail`, LDAP `mail`). */
  email?: string;
  /** Sign-in name (Graph/AD `userPrincipalName`). */
  upn?: string;
  /** Entra object id, when the source knows it (it is what Teams sends as aadObjectId). */
  entraId?: string;
  /** The manager's id, when the source returns it with a listing (listPeople); per-person lookups use manager(). */
  managerId?: string;
}

/** Which group gives which role. */
export type GroupRole = 'it_security' | 'hr' | 'communications';

/**
 * A remote organisation directory (Microsoft Graph, LDAP). Every call goes to the source: caching is
 * CachedDirectory's job. Calls throw DirectorySourceError when the source cannot answer; "no such person"
 * and "no manager" are answers (undefined), not errors.
 */
export interface DirectorySource {
  /** 'graph' or 'ldap', for `directory show` and `check`. */
  readonly kind: string;
  /** A person by the bot's id, by e-mail, by sign-in name (UPN) or by login name; undefined when nobody matches. */
  findPerson(key: PersonKey): Promise<SourcePerson | undefined>;
  /** The person's manager; undefined when they have none. */
  manager(personId: string): Promise<SourcePerson | undefined>;
  /** Everyone in a role's group, nested groups included (transitive). */
  groupMembers(role: GroupRole): Promise<SourcePerson[]>;
  /** Everyone in scope with their managerId (for `directory check`, the manager list and the web chat's picker). */
  listPeople(): Promise<SourcePerson[]>;
  /** Releases connections. */
  close?(): Promise<void>;
}

/** How a person is looked up. */
export type PersonKey = { by: 'id' | 'email' | 'upn' | 'entraId'; value: string };

/** `sv-FI`, `fi`, `en-US` → a UI language; undefined for any other. */
export function uiLangOfTag(tag: string | undefined): UiLang | undefined {
  const lang = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return lang === 'sv' || lang === 'fi' || lang === 'en' ? lang : undefined;
}
