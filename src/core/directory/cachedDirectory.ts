import type { Logger } from '../logger';
import { errorFields } from '../logger';
import type { ChannelRef, Directory, Person, PersonRole, Platform } from './directory';
import { isDirectorySourceError, type DirectorySource, type GroupRole, type PersonKey, type SourcePerson } from './directorySource';

/** Roles that come from a group named in the directory file's `source:` section. */
const GROUP_ROLES: readonly GroupRole[] = ['it_security', 'hr', 'communications'];

/** One cached answer of the source. */
interface Entry<T> {
  value: T;
  fetchedAt: number;
}

/** How the source answered lately, for `directory show` and `directory check` (no person data). */
export interface SourceHealth {
  kind: string;
  /** When the source last answered, ms since the epoch; undefined = never since start. */
  lastSuccessAt?: number;
  /** The error code of the last failure, when the last call failed. */
  lastFailure?: string;
  /** Failures since start. */
  failures: number;
}

export interface CachedDirectoryOptions {
  source: DirectorySource;
  /** IT security channels from the directory file (they do not come from the source). */
  itSecurityChannels?: readonly ChannelRef[];
  /** How long an answer is fresh; an older one is still served while a refresh runs in the background. */
  ttlMs: number;
  logger: Logger;
  now?: () => number;
}

/**
 * The Directory port over a remote source (Microsoft Graph, LDAP), with a cache.
 *
 * Contract:
 * - Every answer (a person, a manager, a group, the listing) is kept. Within `ttlMs` it is served as is;
 *   after that it is still served at once and a refresh runs in the background (stale-while-revalidate).
 * - When the source fails, the last known answer serves, however old. With nothing known, lookups answer
 *   "unknown" (undefined / empty) instead of throwing, so a report is never refused because the directory is
 *   down: a reporter without a known manager is asked for one, as for people without one, and routing tells
 *   IT security too (managerUnknown). A person asked for by id, and a Teams user whose source id is their
 *   Entra object id (Graph), are known provisionally by that id while the source is down.
 * - Nothing about a person is logged: failures are logged with the operation and the error code only.
 * - Roles: 'employee' for everyone, 'it_security' / 'hr' / 'communications' from the groups' transitive
 *   members, 'manager' for whoever is someone's manager in the listing or a fetched chain.
 * - The cache lives in this process's memory: a restart while the source is down starts empty.
 */
export class CachedDirectory implements Directory {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly knownManagers = new Set<string>();
  /** People whose manager lookup failed with nothing known (see managerUnknown). */
  private readonly unknownManagers = new Set<string>();
  private readonly health: SourceHealth;
  private readonly now: () => number;

  constructor(private readonly options: CachedDirectoryOptions) {
    this.now = options.now ?? Date.now;
    this.health = { kind: options.source.kind, failures: 0 };
  }

  /** The source behind the cache. */
  get source(): DirectorySource {
    return this.options.source;
  }

  /** How the source answered lately. */
  sourceHealth(): SourceHealth {
    return { ...this.health };
  }

  /** Starts loading the listing and the groups in the background, so the first report does not wait. */
  warm(): void {
    void this.listing().catch(() => undefined);
    void this.groupSets().catch(() => undefined);
  }

  async person(id: string): Promise<Person | undefined> {
    let found: SourcePerson | undefined;
    try {
      found = await this.cached(`person:id:${id}`, 'person', () => this.options.source.findPerson({ by: 'id', value: id }));
    } catch {
      // Down with nothing known: the id came from a session or a stored report, so the person is known
      // provisionally by it (a report is never refused because the directory is unreachable).
      return provisional(id);
    }
    return found ? this.build(this.remember(found), { withManager: true }) : undefined;
  }

  async findByIdentity(platform: Platform, externalId: string): Promise<Person | undefined> {
    switch (platform) {
      case 'web': {
        // Who someone says they are: never provisional (an unknown id stays unknown while the source is down).
        const found = await this.lookup({ by: 'id', value: externalId });
        return found ? this.build(found, { withManager: true }) : undefined;
      }
      case 'email': {
        const found = await this.lookup({ by: 'email', value: externalId.trim().toLowerCase() });
        return found ? this.build(found, { withManager: true }) : undefined;
      }
      case 'teams': {
        const key: PersonKey = { by: 'entraId', value: externalId.trim().toLowerCase() };
        try {
          const found = await this.cached(`person:${key.by}:${key.value}`, 'person', () => this.options.source.findPerson(key));
          return found ? this.build(this.remember(found), { withManager: true }) : undefined;
        } catch {
          // Down with nothing known: when the source keys people by Entra object id, the id is known already.
          return this.options.source.kind === 'graph' ? provisional(key.value, { teams: key.value }) : undefined;
        }
      }
      default:
        // Slack users are matched by the e-mail address Slack gives (the Slack adapter asks users.info).
        return undefined;
    }
  }

  async managerOf(personId: string): Promise<Person | undefined> {
    let manager: SourcePerson | undefined;
    try {
      manager = await this.cached(`manager:${personId}`, 'manager', () => this.options.source.manager(personId));
      this.unknownManagers.delete(personId);
    } catch {
      this.unknownManagers.add(personId);
      return undefined;
    }
    if (!manager) return undefined;
    this.knownManagers.add(manager.id);
    return this.build(this.remember(manager), { withManager: true });
  }

  managerUnknown(personId: string): boolean {
    return this.unknownManagers.has(personId);
  }

  async itSecurity(): Promise<{ people: Person[]; channels: ChannelRef[] }> {
    return { people: await this.withRole('it_security'), channels: [...(this.options.itSecurityChannels ?? [])] };
  }

  async withRole(role: PersonRole): Promise<Person[]> {
    if (role === 'employee') return this.all();
    if (role === 'manager') {
      const everyone = await this.all();
      const managerIds = new Set([...everyone.flatMap((p) => (p.managerId ? [p.managerId] : [])), ...this.knownManagers]);
      return everyone.filter((p) => managerIds.has(p.id));
    }
    const sets = await this.groupSets();
    const members = sets.members.get(role) ?? [];
    return Promise.all(members.map((m) => this.build(m, { withManager: false, sets })));
  }

  async all(): Promise<Person[]> {
    let listed: SourcePerson[];
    try {
      listed = await this.listing();
    } catch {
      return [];
    }
    const sets = await this.groupSets();
    const managerIds = new Set(listed.flatMap((p) => (p.managerId ? [p.managerId] : [])));
    for (const id of managerIds) this.knownManagers.add(id);
    return Promise.all(listed.map((p) => this.build(p, { withManager: false, sets })));
  }

  /** Releases the source's connections. */
  async close(): Promise<void> {
    await this.options.source.close?.();
  }

  private listing(): Promise<SourcePerson[]> {
    return this.cached('all', 'list', () => this.options.source.listPeople());
  }

  /** The members of each role's group (last known when the source fails; empty when never loaded). */
  private async groupSets(): Promise<{ members: Map<GroupRole, SourcePerson[]>; ids: Map<GroupRole, Set<string>> }> {
    const members = new Map<GroupRole, SourcePerson[]>();
    const ids = new Map<GroupRole, Set<string>>();
    await Promise.all(
      GROUP_ROLES.map(async (role) => {
        let list: SourcePerson[] = [];
        try {
          list = await this.cached(`group:${role}`, 'group', () => this.options.source.groupMembers(role));
        } catch {
          list = [];
        }
        members.set(role, list);
        ids.set(role, new Set(list.map((p) => p.id)));
      }),
    );
    return { members, ids };
  }

  /** A person by key, through the cache; undefined when unknown or when the source is down with nothing known. */
  private async lookup(key: PersonKey): Promise<SourcePerson | undefined> {
    try {
      const found = await this.cached(`person:${key.by}:${key.value}`, 'person', () => this.options.source.findPerson(key));
      return found ? this.remember(found) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Files a person fetched by some other key (a manager, a lookup by e-mail) under their id too. */
  private remember(found: SourcePerson): SourcePerson {
    const key = `person:id:${found.id}`;
    const at = this.now();
    if (!this.entries.has(key) || this.entries.get(key)!.fetchedAt < at) this.entries.set(key, { value: found, fetchedAt: at });
    return found;
  }

  private async build(
    found: SourcePerson,
    options: { withManager: boolean; sets?: Awaited<ReturnType<CachedDirectory['groupSets']>> },
  ): Promise<Person> {
    const sets = options.sets ?? (await this.groupSets());
    let managerId: string | undefined = found.managerId;
    if (options.withManager) {
      try {
        const manager = await this.cached(`manager:${found.id}`, 'manager', () => this.options.source.manager(found.id));
        managerId = manager?.id;
        if (manager) {
          this.knownManagers.add(manager.id);
          this.remember(manager);
        }
      } catch {
        // Unknown manager: the dialog asks the reporter.
      }
    }
    const roles: PersonRole[] = ['employee'];
    if (this.knownManagers.has(found.id)) roles.push('manager');
    for (const role of GROUP_ROLES) if (sets.ids.get(role)?.has(found.id)) roles.push(role);
    const identities: Person['identities'] = {};
    if (found.email) identities.email = found.email;
    if (found.entraId) identities.teams = found.entraId;
    return {
      id: found.id,
      name: found.name,
      ...(found.title ? { title: found.title } : {}),
      ...(found.lang ? { lang: found.lang } : {}),
      ...(managerId && managerId !== found.id ? { managerId } : {}),
      roles,
      identities,
    };
  }

  /**
   * The cached answer for `key`: fresh → as is; stale → as is, refreshed in the background; none → loaded
   * now (concurrent callers share one load). Throws only when the source fails and nothing is known.
   */
  private async cached<T>(key: string, operation: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key) as Entry<T> | undefined;
    if (entry) {
      if (this.now() - entry.fetchedAt >= this.options.ttlMs) void this.refresh(key, operation, load).catch(() => undefined);
      return entry.value;
    }
    return this.refresh(key, operation, load);
  }

  private refresh<T>(key: string, operation: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = (async () => {
      try {
        const value = await load();
        this.entries.set(key, { value, fetchedAt: this.now() });
        this.health.lastSuccessAt = this.now();
        delete this.health.lastFailure;
        return value;
      } catch (err) {
        this.health.failures++;
        this.health.lastFailure = isDirectorySourceError(err) ? err.code : 'directory_error';
        this.options.logger.warn('directory_source_failed', {
          source: this.options.source.kind,
          operation,
          served: this.entries.has(key) ? 'last_known' : 'unknown',
          ...(isDirectorySourceError(err) ? { code: err.code, status: err.status } : { code: errorFields(err).errorName ?? 'error' }),
        });
        throw err;
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, started);
    return started;
  }
}

/** A person known only by id while the source is down: an employee, named by the id, manager unknown. */
function provisional(id: string, identities: Person['identities'] = {}): Person {
  return { id, name: id, roles: ['employee'], identities };
}
