import type { Person } from '../ports';
import { viewAccess } from './access';
import type { ReportSummary, StoredReport } from './records';
import type { ReportService } from './service';

/** A person's two lists: the reports they made, and those sent to them (as recipient or IT security). */
export interface PersonalLists {
  mine: ReportSummary[];
  assigned: ReportSummary[];
}

/**
 * The reports a person may see, sorted by why they see them (access.ts): as reporter ("my reports"),
 * otherwise as someone who handles them ("assigned to me"). The service lists only what the person may see
 * (the person a report is about never sees it); listing is not a view, so nothing is decrypted or audited.
 */
export async function personalLists(
  reporting: { service: Pick<ReportService, 'list'>; store: { getReport(reference: string): Promise<StoredReport | undefined> } },
  person: Person,
  limit = 50,
): Promise<PersonalLists> {
  const lists: PersonalLists = { mine: [], assigned: [] };
  for (const summary of await reporting.service.list(person.id, { limit })) {
    const report = await reporting.store.getReport(summary.reference);
    const access = report ? viewAccess(report, person) : undefined;
    if (access === 'reporter') lists.mine.push(summary);
    else if (access) lists.assigned.push(summary);
  }
  return lists;
}
