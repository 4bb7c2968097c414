import type { Person } from '../directory/directory';

/**
 * Who the reporter may pick, in the two cases where the dialog asks for a person. One definition for the
 * dialog (what it offers) and for routing (what submit accepts), so a submission can never name someone the
 * dialog would not have offered.
 */

const byName = (a: Person, b: Person): number => a.name.localeCompare(b.name, 'sv');

/** People the reporter may name as their manager when the directory has none: everyone with the manager role but the reporter, by name. */
export function managerCandidates(reporterId: string, managers: readonly Person[]): Person[] {
  return managers.filter((p) => p.id !== reporterId).sort(byName);
}

/** A person who may receive a report about the reporter's own manager instead of that manager, and why. */
export interface AlternateCandidate {
  person: Person;
  relation: 'managers_manager' | 'hr';
}

/**
 * Who may receive a report about the reporter's own manager (RULES.md "Harassment by the manager"): that
 * manager's manager first, then HR by name; never the reporter, never the manager, nobody twice.
 */
export function alternateCandidates(input: {
  reporterId: string;
  /** Id of the manager the report is about (the directory's, or the one the reporter named). */
  managerId: string | undefined;
  /** That manager's own manager in the directory. */
  managersManager: Person | undefined;
  hr: readonly Person[];
}): AlternateCandidate[] {
  const { reporterId, managerId, managersManager, hr } = input;
  const excluded = (p: Person): boolean => p.id === reporterId || p.id === managerId;
  const choices: AlternateCandidate[] = [];
  if (managersManager && !excluded(managersManager)) choices.push({ person: managersManager, relation: 'managers_manager' });
  for (const person of [...hr].sort(byName)) {
    if (excluded(person) || choices.some((c) => c.person.id === person.id)) continue;
    choices.push({ person, relation: 'hr' });
  }
  return choices;
}
