import { Client, InvalidCredentialsError, NoSuchObjectError, type Entry } from 'ldapts';
import type { ConnectionOptions } from 'node:tls';
import {
  DirectorySourceError,
  DirectorySourceErrorCode,
  uiLangOfTag,
  type DirectorySource,
  type GroupRole,
  type PersonKey,
  type SourcePerson,
} from '../../core/directory/directorySource';
import type { LdapSourceSettings } from '../../core/directory/sourceSettings';

/** Attributes read from a person entry (AD and inetOrgPerson names). */
const PERSON_ATTRIBUTES = ['displayName', 'cn', 'title', 'mail', 'userPrincipalName', 'sAMAccountName', 'uid', 'preferredLanguage', 'manager', 'objectClass'];
/** Attributes that make an entry a group, and hold its members. */
const GROUP_CLASSES = ['group', 'groupofnames', 'groupofuniquenames'];
const MEMBER_ATTRIBUTES = ['member', 'uniqueMember'];
/** AD's LDAP_MATCHING_RULE_IN_CHAIN: memberOf through nested groups. */
export const IN_CHAIN_RULE = '1.2.840.113556.1.4.1941';
/** rootDSE supportedCapabilities value of Active Directory (LDAP_CAP_ACTIVE_DIRECTORY_OID). */
const AD_CAPABILITY = '1.2.840.113556.1.4.800';
const DEFAULT_USER_FILTER = '(objectClass=person)';

const GROUP_KEYS: Record<GroupRole, 'itSecurityGroup' | 'hrGroup' | 'communicationsGroup'> = {
  it_security: 'itSecurityGroup',
  hr: 'hrGroup',
  communications: 'communicationsGroup',
};

export interface LdapCredentials {
  bindDn?: string;
  bindPassword?: string;
  /** TLS options for ldaps:// and StartTLS (e.g. the CA of the directory's certificate). */
  tls?: ConnectionOptions;
  /** Longest wait for a connection and for one operation. */
  timeoutMs?: number;
}

/** A value for an LDAP filter, escaped as RFC 4515 requires (\\, *, (, ) and NUL). */
export function escapeFilter(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function first(entry: Entry, name: string): string | undefined {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) return undefined;
  const value = entry[key];
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined) return undefined;
  const text = Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
  return text.trim() === '' ? undefined : text;
}

function all(entry: Entry, name: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) return [];
  const value = entry[key];
  return (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
}

/** A DN in one comparable spelling (case and spaces after commas do not matter in LDAP). */
export function normalDn(dn: string): string {
  return dn.split(/(?<!\\),/).map((part) => part.trim()).join(',').toLowerCase();
}

/**
 * People from LDAP / Active Directory with ldapts. Each operation opens a connection (StartTLS first when
 * configured, or ldaps://), binds with LDAP_BIND_DN / LDAP_BIND_PASSWORD (anonymous without), searches and
 * unbinds. The bot's id of a person is their sAMAccountName (AD) or uid (OpenLDAP), lower-cased. The
 * manager chain follows the `manager` attribute (a DN). Group members are found with AD's in-chain matching
 * rule when the server is Active Directory, else by walking the group's `member` / `uniqueMember` values
 * through nested groups. Errors carry the LDAP result code only.
 */
export class LdapSource implements DirectorySource {
  readonly kind = 'ldap';
  private activeDirectory: boolean | undefined;

  constructor(
    private readonly settings: LdapSourceSettings,
    private readonly credentials: LdapCredentials = {},
  ) {}

  private get userFilter(): string {
    const filter = this.settings.userFilter ?? DEFAULT_USER_FILTER;
    return filter.startsWith('(') ? filter : `(${filter})`;
  }

  async findPerson(key: PersonKey): Promise<SourcePerson | undefined> {
    const v = escapeFilter(key.value.trim());
    if (!v) return undefined;
    const match =
      key.by === 'id' ? `(|(sAMAccountName=${v})(uid=${v}))` : key.by === 'email' ? `(|(mail=${v})(userPrincipalName=${v}))` : key.by === 'upn' ? `(userPrincipalName=${v})` : undefined;
    if (!match) return undefined;
    return this.withClient(async (client) => {
      const entries = await this.searchPeople(client, `(&${this.userFilter}${match})`);
      const entry = entries[0];
      return entry ? this.person(entry) : undefined;
    });
  }

  async manager(personId: string): Promise<SourcePerson | undefined> {
    const v = escapeFilter(personId);
    return this.withClient(async (client) => {
      const [entry] = await this.searchPeople(client, `(&${this.userFilter}(|(sAMAccountName=${v})(uid=${v})))`);
      const managerDn = entry ? first(entry, 'manager') : undefined;
      if (!managerDn) return undefined;
      const manager = await this.entryAt(client, managerDn);
      return manager ? this.person(manager) : undefined;
    });
  }

  async groupMembers(role: GroupRole): Promise<SourcePerson[]> {
    const groupDn = this.settings[GROUP_KEYS[role]];
    if (!groupDn) return [];
    return this.withClient(async (client) => {
      if (await this.isActiveDirectory(client)) {
        const entries = await this.searchPeople(client, `(&${this.userFilter}(memberOf:${IN_CHAIN_RULE}:=${escapeFilter(groupDn)}))`);
        return entries.flatMap((e) => this.person(e) ?? []);
      }
      return this.walkGroup(client, groupDn);
    });
  }

  async listPeople(): Promise<SourcePerson[]> {
    return this.withClient(async (client) => {
      const entries = await this.searchPeople(client, this.userFilter);
      const idByDn = new Map<string, string>();
      const people = entries.flatMap((entry) => {
        const person = this.person(entry);
        if (person) idByDn.set(normalDn(entry.dn), person.id);
        return person ? [{ person, managerDn: first(entry, 'manager') }] : [];
      });
      return people.map(({ person, managerDn }) => {
        const managerId = managerDn ? idByDn.get(normalDn(managerDn)) : undefined;
        return managerId ? { ...person, managerId } : person;
      });
    });
  }

  /** A person entry as a SourcePerson; undefined without an id attribute. */
  private person(entry: Entry): SourcePerson | undefined {
    const id = (first(entry, 'sAMAccountName') ?? first(entry, 'uid'))?.toLowerCase();
    if (!id) return undefined;
    const lang = uiLangOfTag(first(entry, 'preferredLanguage'));
    const email = first(entry, 'mail');
    const upn = first(entry, 'userPrincipalName');
    const title = first(entry, 'title');
    return {
      id,
      name: first(entry, 'displayName') ?? first(entry, 'cn') ?? id,
      ...(title ? { title } : {}),
      ...(lang ? { lang } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(upn ? { upn: upn.toLowerCase() } : {}),
    };
  }

  private async searchPeople(client: Client, filter: string): Promise<Entry[]> {
    const { searchEntries } = await client.search(this.settings.baseDn, { scope: 'sub', filter, attributes: PERSON_ATTRIBUTES, paged: { pageSize: 500 } });
    return searchEntries;
  }

  /** The entry at a DN (person or group), or undefined when it does not exist. */
  private async entryAt(client: Client, dn: string): Promise<Entry | undefined> {
    try {
      const { searchEntries } = await client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: [...PERSON_ATTRIBUTES, ...MEMBER_ATTRIBUTES] });
      return searchEntries[0];
    } catch (err) {
      if (err instanceof NoSuchObjectError) return undefined;
      throw err;
    }
  }

  /** Members of a group and of the groups inside it (each group read once, so a loop of groups ends). */
  private async walkGroup(client: Client, groupDn: string): Promise<SourcePerson[]> {
    const seen = new Set<string>();
    const people = new Map<string, SourcePerson>();
    const queue = [groupDn];
    while (queue.length > 0) {
      const dn = queue.shift()!;
      if (seen.has(normalDn(dn))) continue;
      seen.add(normalDn(dn));
      const entry = await this.entryAt(client, dn);
      if (!entry) continue;
      const classes = all(entry, 'objectClass').map((c) => c.toLowerCase());
      if (classes.some((c) => GROUP_CLASSES.includes(c))) {
        for (const attribute of MEMBER_ATTRIBUTES) queue.push(...all(entry, attribute));
        continue;
      }
      const person = this.person(entry);
      if (person) people.set(person.id, person);
    }
    return [...people.values()];
  }

  /** True when the server says it is Active Directory (rootDSE supportedCapabilities); asked once. */
  private async isActiveDirectory(client: Client): Promise<boolean> {
    if (this.activeDirectory === undefined) {
      const { searchEntries } = await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['supportedCapabilities'] });
      this.activeDirectory = searchEntries[0] ? all(searchEntries[0], 'supportedCapabilities').includes(AD_CAPABILITY) : false;
    }
    return this.activeDirectory;
  }

  /** Runs `work` on a fresh bound connection; every failure becomes a DirectorySourceError with the LDAP code. */
  private async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const timeout = this.credentials.timeoutMs ?? 10_000;
    const client = new Client({
      url: this.settings.url,
      timeout,
      connectTimeout: timeout,
      // Only for ldaps://: given with ldap://, ldapts mixes them into StartTLS and the handshake fails.
      ...(this.credentials.tls && this.settings.url.startsWith('ldaps:') ? { tlsOptions: this.credentials.tls } : {}),
    });
    try {
      if (this.settings.startTls) await client.startTLS(this.credentials.tls ?? {});
      if (this.credentials.bindDn) await client.bind(this.credentials.bindDn, this.credentials.bindPassword ?? '');
      return await work(client);
    } catch (err) {
      throw ldapFailure(err);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}

/** A DirectorySourceError for whatever ldapts threw: refused credentials, or unavailable with the result code. */
function ldapFailure(err: unknown): DirectorySourceError {
  if (err instanceof DirectorySourceError) return err;
  const code = typeof (err as { code?: unknown })?.code === 'number' ? ((err as { code: number }).code) : undefined;
  if (err instanceof InvalidCredentialsError || code === 49 || code === 50) {
    return new DirectorySourceError(DirectorySourceErrorCode.Refused, 'ldap: bind or search refused', code);
  }
  const failure = new DirectorySourceError(DirectorySourceErrorCode.Unavailable, 'ldap: operation failed', code);
  // Kept for debugging, never logged (an LDAP error message may name an entry).
  Object.defineProperty(failure, 'cause', { value: err, enumerable: false });
  return failure;
}
