/**
 * One definition of whom the reporter may pick: what the dialog offers is exactly what submit's routing
 * accepts, for every reporter and every person of the demo directory.
 */
import { alternateCandidates, managerCandidates } from '../../../src/core/reports/candidates';
import { resolveRouting, isRoutingError, RoutingErrorCode } from '../../../src/core/reports/routing';
import type { ReportDraft } from '../../../src/core/reports/report';
import type { Person } from '../../../src/core/directory/directory';
import { DEMO, defaultRoutingTable, demoContext, demoDirectory } from '../../helpers/reportFixtures';

const person = (id: string, name: string, roles: Person['roles'] = ['employee']): Person => ({ id, name, roles, identities: {} });

const draft = (extra: Partial<ReportDraft>): ReportDraft => ({
  category: 'harassment',
  platform: 'facebook',
  accountKind: 'own_work_profile',
  description: 'x',
  occurredOn: '2026-03-15',
  evidence: { links: [], quotes: [], files: [] },
  immediateDanger: false,
  subjectIsManager: false,
  ...extra,
});

/** Whether routing accepts the draft; false only for the "not allowed" refusals. */
async function accepted(d: ReportDraft, reporterId: string): Promise<boolean> {
  try {
    await resolveRouting(d, reporterId, defaultRoutingTable(), await demoDirectory());
    return true;
  } catch (err) {
    if (isRoutingError(err) && [RoutingErrorCode.AlternateNotAllowed, RoutingErrorCode.ManagerNotAllowed].includes(err.code)) return false;
    throw err;
  }
}

describe('candidates (pure)', () => {
  it('managers: everyone with the role but the reporter, by name', () => {
    const managers = [person('b', 'Bo', ['manager']), person('a', 'Åsa', ['manager']), person('me', 'Me', ['manager'])];
    expect(managerCandidates('me', managers).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it("alternates: the manager's manager first, then HR by name; never the reporter, the manager or anyone twice", () => {
    const boss = person('boss', 'Boss');
    const hr = [person('hr2', 'Ödön', ['hr']), person('boss', 'Boss', ['hr']), person('hr1', 'Anja', ['hr']), person('me', 'Me', ['hr']), person('mgr', 'Mgr', ['hr'])];
    expect(alternateCandidates({ reporterId: 'me', managerId: 'mgr', managersManager: boss, hr }).map((c) => [c.person.id, c.relation])).toEqual([
      ['boss', 'managers_manager'],
      ['hr1', 'hr'],
      ['hr2', 'hr'],
    ]);
    expect(alternateCandidates({ reporterId: 'me', managerId: 'mgr', managersManager: person('me', 'Me'), hr: [] })).toEqual([]);
  });
});

describe('the dialog offers exactly what routing accepts', () => {
  it('alternate recipients, for every reporter with a manager', async () => {
    const everyone = await (await demoDirectory()).all();
    for (const reporter of everyone.filter((p) => p.managerId)) {
      const offered = (await demoContext(reporter.id, 'sv')).alternateCandidates(reporter.managerId).map((c) => c.id);
      for (const candidate of everyone) {
        const ok = await accepted(draft({ subjectIsManager: true, alternateRecipientId: candidate.id }), reporter.id);
        expect([reporter.id, candidate.id, ok]).toEqual([reporter.id, candidate.id, offered.includes(candidate.id)]);
      }
    }
  });

  it('managers, for a reporter without one in the directory', async () => {
    const everyone = await (await demoDirectory()).all();
    const offered = (await demoContext(DEMO.jussi, 'fi')).managerCandidates().map((c) => c.id);
    expect(offered.sort()).toEqual([DEMO.kaisa, DEMO.karin].sort());
    for (const candidate of everyone) {
      expect([candidate.id, await accepted(draft({ managerId: candidate.id }), DEMO.jussi)]).toEqual([candidate.id, offered.includes(candidate.id)]);
    }
  });
});
