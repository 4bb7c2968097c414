import type { ChannelRef, Directory, Person, PersonRole } from '../directory/directory';
import { alternateCandidates, managerCandidates } from './candidates';
import type { ReportCategory } from './categories';
import { itSecurityAudience } from './itSecurityAudience';
import type { ReportDraft } from './report';
import type { RoutableRole, RoutingTable, RuleSource, Urgency } from './routingTable';

/** Why a recipient is told. 'alternate' replaces the manager when the manager is the person reported. */
export const RECIPIENT_ROLES = ['manager', 'it_security', 'alternate', 'communications', 'hr'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export type Recipient =
  | { kind: 'person'; personId: string; role: RecipientRole }
  | { kind: 'channel'; channel: ChannelRef; role: RecipientRole };

export interface RuleCitation {
  id: string;
  quote: string;
  source: RuleSource;
}

export interface RoutingDecision {
  category: ReportCategory;
  urgency: Urgency;
  /**
   * Deduplicated, never contains the reporter, never the manager when subjectIsManager, and no IT security
   * channel when that manager is in IT security.
   */
  recipients: Recipient[];
  rules: RuleCitation[];
  /** T of the escalation policy. */
  ackTimeoutMinutes: number;
}

/** Everything routing needs, already looked up in the directory. */
export interface RoutingInput {
  draft: ReportDraft;
  reporter: Person;
  /** The reporter's manager (from the directory, else the one the reporter named), or undefined. */
  manager: Person | undefined;
  /** The recipient chosen instead of the manager when the manager is the person reported. */
  alternate: Person | undefined;
  itSecurity: { people: Person[]; channels: ChannelRef[] };
  roleHolders: Partial<Record<PersonRole, Person[]>>;
  /** The directory could not look up the reporter's manager (it was unreachable): IT security is told too. */
  managerUnknown?: boolean;
}

/** Codes of errors routing can raise (the service turns them into translated sentences). */
export enum RoutingErrorCode {
  ReporterUnknown = 'routing_reporter_unknown',
  RecipientUnknown = 'routing_recipient_unknown',
  AlternateNotAllowed = 'routing_alternate_not_allowed',
  ManagerNotAllowed = 'routing_manager_not_allowed',
}

export class RoutingError extends Error {
  override readonly name = 'RoutingError';
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isRoutingError(value: unknown): value is RoutingError {
  return value instanceof RoutingError;
}

/** Why a role holder is told, by the role the routing row named. */
const ROLE_AS_RECIPIENT: Record<RoutableRole, RecipientRole> = {
  manager: 'manager',
  it_security: 'it_security',
  hr: 'hr',
  communications: 'communications',
};

/**
 * Decides who is told about a report, by the table row of its category. Pure.
 *
 * - manager: the reporter's manager; when the draft says the manager is the person reported, the chosen
 *   alternate (manager's manager or HR) instead, and the manager is removed from every other list too.
 * - itSecurity: a post for the team in IT security's channels (itSecurityAudience; the outbox makes them one
 *   post), and IT security's people personally only where the row says `itSecurityPeople: true` or there is
 *   no team channel. When the manager being reported is in IT security, the report goes to the other IT
 *   security people personally and to none of IT security's group channels, because the person reported
 *   reads those channels. roles: everyone holding those roles.
 * - Recipients are deduplicated (the first reason wins, in the order above) and never include the reporter.
 * - When nobody is left (e.g. no manager known and no other recipient), HR is told. With no HR either the
 *   decision has no recipients; ReportService.submit then saves the report all the same and alerts IT
 *   security that it has none, so no report is lost.
 * - Immediate danger raises urgency to 'immediate' and shortens the acknowledgement time to
 *   `table.immediateDanger.ackTimeoutMinutes` when that is shorter.
 */
export function routeReport(input: RoutingInput, table: RoutingTable): RoutingDecision {
  const { draft, reporter, manager, alternate, itSecurity, roleHolders } = input;
  const row = table.rows[draft.category];
  const subject = draft.subjectIsManager ? manager : undefined;
  const excluded = new Set<string>([reporter.id]);
  if (subject) excluded.add(subject.id);

  const recipients: Recipient[] = [];
  const seenPeople = new Set<string>();
  const seenChannels = new Set<string>();
  const addPerson = (person: Person | undefined, role: RecipientRole): void => {
    if (!person || excluded.has(person.id) || seenPeople.has(person.id)) return;
    seenPeople.add(person.id);
    recipients.push({ kind: 'person', personId: person.id, role });
  };
  const addChannel = (channel: ChannelRef, role: RecipientRole): void => {
    const key = `${channel.platform}:${channel.id}`;
    if (seenChannels.has(key)) return;
    seenChannels.add(key);
    recipients.push({ kind: 'channel', channel, role });
  };

  if (row.recipients.manager) {
    if (draft.subjectIsManager) addPerson(alternate, 'alternate');
    else addPerson(manager, 'manager');
  }
  if (row.recipients.itSecurity || (row.recipients.manager && !draft.subjectIsManager && !manager && input.managerUnknown)) {
    const audience = itSecurityAudience(itSecurity, { reporterId: reporter.id, subject });
    const personally = row.recipients.itSecurityPeople === true || audience.channels.length === 0;
    if (personally) for (const person of audience.people) addPerson(person, 'it_security');
    for (const channel of audience.channels) addChannel(channel, 'it_security');
  }
  for (const role of row.recipients.roles) {
    for (const person of roleHolders[role] ?? []) addPerson(person, ROLE_AS_RECIPIENT[role]);
  }
  if (recipients.length === 0) {
    for (const person of roleHolders.hr ?? []) addPerson(person, 'hr');
  }

  const danger = draft.immediateDanger;
  return {
    category: draft.category,
    urgency: danger ? 'immediate' : row.urgency,
    recipients,
    rules: row.rules.map((rule) => ({ id: rule.id, quote: rule.quote, source: { ...rule.source } })),
    ackTimeoutMinutes: danger
      ? Math.min(row.ackTimeoutMinutes, table.immediateDanger.ackTimeoutMinutes)
      : row.ackTimeoutMinutes,
  };
}

/** Roles whose holders routing may need: the row's roles plus HR (fallback and alternate recipient). */
function rolesNeeded(table: RoutingTable, category: ReportCategory): PersonRole[] {
  return [...new Set<PersonRole>([...table.rows[category].recipients.roles, 'hr'])];
}

/**
 * Looks up everything routing needs in the directory and routes the report.
 * The manager is the directory's; when it has none, the one the reporter named (draft.managerId), who must be
 * one of the candidates the dialog offers (managerCandidates: a person with the manager role, not the
 * reporter). The alternate must be one of alternateCandidates (the manager's manager or HR).
 * Throws RoutingError when the reporter, the named manager or the alternate is unknown or not allowed.
 */
export async function resolveRouting(
  draft: ReportDraft,
  reporterId: string,
  table: RoutingTable,
  directory: Directory,
): Promise<RoutingDecision> {
  const reporter = await directory.person(reporterId);
  if (!reporter) throw new RoutingError(RoutingErrorCode.ReporterUnknown, `reporter "${reporterId}" is not in the directory`);

  const manager = (await directory.managerOf(reporterId)) ?? (draft.managerId ? await namedManager(draft.managerId, reporterId, directory) : undefined);

  const roleHolders: Partial<Record<PersonRole, Person[]>> = {};
  for (const role of rolesNeeded(table, draft.category)) roleHolders[role] = await directory.withRole(role);

  let alternate: Person | undefined;
  if (draft.subjectIsManager && draft.alternateRecipientId) {
    alternate = await directory.person(draft.alternateRecipientId);
    if (!alternate) {
      throw new RoutingError(RoutingErrorCode.RecipientUnknown, `recipient "${draft.alternateRecipientId}" is not in the directory`);
    }
    const managersManager = manager ? await directory.managerOf(manager.id) : undefined;
    const allowed = alternateCandidates({ reporterId, managerId: manager?.id, managersManager, hr: roleHolders.hr ?? [] });
    const alternateId = alternate.id;
    if (!allowed.some((c) => c.person.id === alternateId)) {
      throw new RoutingError(
        RoutingErrorCode.AlternateNotAllowed,
        `recipient "${alternate.id}" is neither the manager's manager nor HR`,
      );
    }
  }

  const itSecurity = await directory.itSecurity();
  const managerUnknown = !manager && directory.managerUnknown?.(reporterId) === true;
  return routeReport({ draft, reporter, manager, alternate, itSecurity, roleHolders, ...(managerUnknown ? { managerUnknown } : {}) }, table);
}

/** The manager a reporter without one in the directory named: must exist and be one of managerCandidates. */
async function namedManager(managerId: string, reporterId: string, directory: Directory): Promise<Person> {
  const manager = await directory.person(managerId);
  if (!manager) throw new RoutingError(RoutingErrorCode.RecipientUnknown, `manager "${managerId}" is not in the directory`);
  if (!managerCandidates(reporterId, await directory.withRole('manager')).some((p) => p.id === manager.id)) {
    throw new RoutingError(RoutingErrorCode.ManagerNotAllowed, `"${manager.id}" is not a manager the reporter may name`);
  }
  return manager;
}
