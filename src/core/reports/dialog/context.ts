import type { Directory, Person } from '../../directory/directory';
import type { UiLang } from '../../language/lang';
import type { ReportDraft } from '../report';
import { routeReport, RoutingError, RoutingErrorCode } from '../routing';
import { ROUTABLE_ROLES, type RoutingTable } from '../routingTable';
import type { DialogContext, PersonChoice, RoutingPreview } from './types';

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, 'sv');

/**
 * Builds the dialog's context for one message from the directory and the routing table. Everything the
 * dialog needs is looked up here, once, so the dialog itself stays pure and synchronous. The preview routes
 * exactly as resolveRouting() will on submit (same routeReport, same directory data).
 * Throws RoutingError(ReporterUnknown) when the reporter is not in the directory.
 */
export async function buildDialogContext(input: {
  lang: UiLang;
  reporterId: string;
  directory: Directory;
  table: RoutingTable;
  /** Today, YYYY-MM-DD (see todayIn()). */
  today: string;
}): Promise<DialogContext> {
  const { lang, reporterId, directory, table, today } = input;
  const reporter = await directory.person(reporterId);
  if (!reporter) throw new RoutingError(RoutingErrorCode.ReporterUnknown, `reporter "${reporterId}" is not in the directory`);
  const manager = await directory.managerOf(reporterId);
  const people = await directory.all();
  const byId = new Map(people.map((p) => [p.id, p]));
  const itSecurity = await directory.itSecurity();
  const roleHolders: Partial<Record<Person['roles'][number], Person[]>> = {};
  for (const role of ROUTABLE_ROLES) roleHolders[role] = await directory.withRole(role);
  const hr = [...(roleHolders.hr ?? [])].sort(byName);

  const managerCandidates = (): PersonChoice[] =>
    (roleHolders.manager ?? [])
      .filter((p) => p.id !== reporter.id)
      .sort(byName)
      .map((p) => ({ id: p.id, name: p.name, relation: 'manager' }));

  const alternateCandidates = (managerId: string | undefined): PersonChoice[] => {
    const choices: PersonChoice[] = [];
    const above = managerId ? byId.get(byId.get(managerId)?.managerId ?? '') : undefined;
    if (above && above.id !== reporter.id && above.id !== managerId) {
      choices.push({ id: above.id, name: above.name, relation: 'managers_manager' });
    }
    for (const p of hr) {
      if (p.id === reporter.id || p.id === managerId || choices.some((c) => c.id === p.id)) continue;
      choices.push({ id: p.id, name: p.name, relation: 'hr' });
    }
    return choices;
  };

  const preview = (draft: ReportDraft): RoutingPreview => {
    const effectiveManager = manager ?? (draft.managerId ? byId.get(draft.managerId) : undefined);
    const alternate = draft.subjectIsManager && draft.alternateRecipientId ? byId.get(draft.alternateRecipientId) : undefined;
    const decision = routeReport({ draft, reporter, manager: effectiveManager, alternate, itSecurity, roleHolders }, table);
    return {
      urgency: decision.urgency,
      rules: decision.rules,
      recipients: decision.recipients.map((r) =>
        r.kind === 'person'
          ? { name: byId.get(r.personId)?.name ?? r.personId, role: r.role }
          : { name: r.channel.name ?? r.channel.id, role: r.role },
      ),
    };
  };

  return { lang, reporter, ...(manager ? { manager } : {}), today, preview, managerCandidates, alternateCandidates };
}
