import type { Directory, Person } from '../../directory/directory';
import type { UiLang } from '../../language/lang';
import { alternateCandidates, managerCandidates } from '../candidates';
import type { ReportDraft } from '../report';
import { routeReport, RoutingError, RoutingErrorCode } from '../routing';
import { ROUTABLE_ROLES, type RoutingTable } from '../routingTable';
import type { DialogContext, PersonChoice, RoutingPreview } from './types';

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

  const managerChoices = (): PersonChoice[] =>
    managerCandidates(reporter.id, roleHolders.manager ?? []).map((p) => ({ id: p.id, name: p.name, relation: 'manager' }));

  const alternateChoices = (managerId: string | undefined): PersonChoice[] => {
    const managersManager = managerId ? byId.get(byId.get(managerId)?.managerId ?? '') : undefined;
    return alternateCandidates({ reporterId: reporter.id, managerId, managersManager, hr: roleHolders.hr ?? [] }).map(({ person, relation }) => ({
      id: person.id,
      name: person.name,
      relation,
    }));
  };

  const preview = (draft: ReportDraft): RoutingPreview => {
    const effectiveManager = manager ?? (draft.managerId ? byId.get(draft.managerId) : undefined);
    const alternate = draft.subjectIsManager && draft.alternateRecipientId ? byId.get(draft.alternateRecipientId) : undefined;
    const managerUnknown = !effectiveManager && directory.managerUnknown?.(reporter.id) === true;
    const decision = routeReport({ draft, reporter, manager: effectiveManager, alternate, itSecurity, roleHolders, ...(managerUnknown ? { managerUnknown } : {}) }, table);
    return {
      urgency: decision.urgency,
      rules: decision.rules,
      recipients: decision.recipients.map((r) =>
        r.kind === 'person'
          ? { name: byId.get(r.personId)?.name ?? r.personId, role: r.role }
          : { name: r.channel.name ?? r.channel.id, role: r.role, channel: true },
      ),
    };
  };

  return {
    lang,
    reporter,
    ...(manager ? { manager } : {}),
    today,
    preview,
    managerCandidates: managerChoices,
    alternateCandidates: alternateChoices,
  };
}
