import type { UiLang } from '../language/lang';
import { translator } from '../i18n';
import type { ChannelRef, Person } from './directory';

/** Kinds of problems checkDirectory finds, declared once. */
export enum DirectoryProblemCode {
  ManagerCycle = 'manager_cycle',
  MissingManager = 'missing_manager',
  NoManager = 'no_manager',
  NoItSecurity = 'no_it_security',
  NoHr = 'no_hr',
  NoCommunications = 'no_communications',
}

/**
 * One problem in a directory. 'error' problems break routing (a report could reach nobody or loop);
 * 'warning' ones make the dialog ask more (e.g. a person without a manager is asked for one).
 */
export interface DirectoryProblem {
  code: DirectoryProblemCode;
  severity: 'error' | 'warning';
  /** The people concerned, in order (for a cycle: the cycle). */
  personIds: string[];
}

/**
 * Problems in a list of people: cycles in the manager chain, managerIds that name nobody, people without a
 * manager, no IT security (neither people with the role nor channels), no HR and no communications people.
 */
export function checkDirectory(people: readonly Person[], itSecurityChannels: readonly ChannelRef[] = []): DirectoryProblem[] {
  const problems: DirectoryProblem[] = [];
  const byId = new Map(people.map((p) => [p.id, p]));

  for (const person of people) {
    if (person.managerId === undefined) {
      problems.push({ code: DirectoryProblemCode.NoManager, severity: 'warning', personIds: [person.id] });
    } else if (!byId.has(person.managerId)) {
      problems.push({ code: DirectoryProblemCode.MissingManager, severity: 'error', personIds: [person.id, person.managerId] });
    }
  }

  const reported = new Set<string>();
  for (const start of people) {
    const chain: string[] = [];
    const position = new Map<string, number>();
    let current: Person | undefined = start;
    while (current && !position.has(current.id)) {
      position.set(current.id, chain.length);
      chain.push(current.id);
      current = current.managerId === undefined ? undefined : byId.get(current.managerId);
    }
    if (!current) continue;
    const cycle = chain.slice(position.get(current.id));
    const key = [...cycle].sort().join('|');
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push({ code: DirectoryProblemCode.ManagerCycle, severity: 'error', personIds: cycle });
  }

  const holders = (role: Person['roles'][number]) => people.filter((p) => p.roles.includes(role));
  if (holders('it_security').length === 0 && itSecurityChannels.length === 0) {
    problems.push({ code: DirectoryProblemCode.NoItSecurity, severity: 'error', personIds: [] });
  }
  if (holders('hr').length === 0) problems.push({ code: DirectoryProblemCode.NoHr, severity: 'error', personIds: [] });
  if (holders('communications').length === 0) {
    problems.push({ code: DirectoryProblemCode.NoCommunications, severity: 'warning', personIds: [] });
  }
  return problems;
}

/** One translated sentence describing a problem, for `somebot directory check`. */
export function describeDirectoryProblem(problem: DirectoryProblem, lang: UiLang): string {
  const t = translator(lang);
  return t(`reports:directory.problem.${problem.code}`, {
    ids: problem.personIds.join(' → '),
    person: problem.personIds[0] ?? '',
    manager: problem.personIds[1] ?? '',
  });
}
