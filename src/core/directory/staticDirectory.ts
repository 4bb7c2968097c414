import type { ChannelRef, Directory, Person, PersonRole, Platform } from './directory';

/**
 * A Directory held in memory: a fixed list of people and IT security channels (loaded from YAML or given by
 * tests). Limits: no live sync with an HR system; the lists never change after construction (restart to
 * reload); lookups copy nothing, so callers must not mutate the returned Person objects.
 * It assumes a valid list (unique ids, known managers): loadYamlDirectory checks that.
 */
export class StaticDirectory implements Directory {
  private readonly byId = new Map<string, Person>();

  constructor(
    private readonly people: readonly Person[],
    private readonly itSecurityChannels: readonly ChannelRef[] = [],
  ) {
    for (const person of people) this.byId.set(person.id, person);
  }

  async person(id: string): Promise<Person | undefined> {
    return this.byId.get(id);
  }

  async findByIdentity(platform: Platform, externalId: string): Promise<Person | undefined> {
    if (platform === 'web') return this.byId.get(externalId);
    if (platform === 'email') {
      const wanted = externalId.trim().toLowerCase();
      return this.people.find((p) => p.identities.email?.toLowerCase() === wanted);
    }
    return this.people.find((p) => p.identities[platform] === externalId);
  }

  async managerOf(personId: string): Promise<Person | undefined> {
    const managerId = this.byId.get(personId)?.managerId;
    return managerId === undefined ? undefined : this.byId.get(managerId);
  }

  async itSecurity(): Promise<{ people: Person[]; channels: ChannelRef[] }> {
    return { people: this.people.filter((p) => p.roles.includes('it_security')), channels: [...this.itSecurityChannels] };
  }

  async withRole(role: PersonRole): Promise<Person[]> {
    return this.people.filter((p) => p.roles.includes(role));
  }

  async all(): Promise<Person[]> {
    return [...this.people];
  }
}
