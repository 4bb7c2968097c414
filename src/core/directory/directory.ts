import type { UiLang } from '../language/lang';

/** Roles a person can hold in the organisation directory. */
export const PERSON_ROLES = ['employee', 'manager', 'it_security', 'hr', 'communications'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Platforms a person or channel can be reached on. */
export const PLATFORMS_REACHABLE = ['slack', 'teams', 'email', 'web'] as const;
export type Platform = (typeof PLATFORMS_REACHABLE)[number];

/** A channel (Slack channel, Teams channel, mailing list) that receives alerts. */
export interface ChannelRef {
  platform: Platform;
  id: string;
  name?: string;
}

/** One person in the directory. */
export interface Person {
  /** Stable directory id, e.g. "anna.lindqvist". */
  id: string;
  name: string;
  title?: string;
  /** Preferred UI language. */
  lang?: UiLang;
  managerId?: string;
  roles: PersonRole[];
  identities: { slack?: string; teams?: string; email?: string };
}

/** The Directory port: who someone is, who their manager is, who holds a role. */
export interface Directory {
  /** The person with this directory id, or undefined. */
  person(id: string): Promise<Person | undefined>;
  /** The person behind a platform identity (Slack user id, Teams AAD object id, e-mail, web id = directory id). */
  findByIdentity(platform: Platform, externalId: string): Promise<Person | undefined>;
  /** The person's manager, or undefined when the directory has none. */
  managerOf(personId: string): Promise<Person | undefined>;
  /** IT security ("informationsförvaltningen"): people and/or channels. */
  itSecurity(): Promise<{ people: Person[]; channels: ChannelRef[] }>;
  /** Everyone with a role (e.g. 'hr', 'communications'). */
  withRole(role: PersonRole): Promise<Person[]>;
  /** Everyone, for `somebot directory check` and the web chat's person picker. */
  all(): Promise<Person[]>;
  /**
   * True when the person's manager could not be looked up (a remote directory is down and knows nothing
   * about them), as opposed to the directory saying they have none. Routing then tells IT security too.
   * Optional: directories held in memory always know.
   */
  managerUnknown?(personId: string): boolean;
}
