import { checkDirectory, describeDirectoryProblem, DirectoryProblemCode } from '../../../src/core/directory/checkDirectory';
import type { Person } from '../../../src/core/directory/directory';
import { DEMO, demoDirectory } from '../../helpers/reportFixtures';

const person = (id: string, managerId?: string, roles: Person['roles'] = ['employee']): Person => ({
  id,
  name: id,
  roles,
  identities: {},
  ...(managerId ? { managerId } : {}),
});

describe('checkDirectory', () => {
  it('finds only the expected warnings in the demo directory', async () => {
    const dir = await demoDirectory();
    const problems = checkDirectory(await dir.all(), (await dir.itSecurity()).channels);
    expect(problems).toEqual([
      { code: DirectoryProblemCode.NoManager, severity: 'warning', personIds: [DEMO.kaisa] },
      { code: DirectoryProblemCode.NoManager, severity: 'warning', personIds: [DEMO.jussi] },
    ]);
  });

  it('finds a manager cycle once, missing managers and missing roles', () => {
    const people = [person('a', 'b'), person('b', 'c'), person('c', 'a'), person('d', 'a'), person('e', 'ghost')];
    const problems = checkDirectory(people);
    const cycles = problems.filter((p) => p.code === DirectoryProblemCode.ManagerCycle);
    expect(cycles).toHaveLength(1);
    expect(new Set(cycles[0]!.personIds)).toEqual(new Set(['a', 'b', 'c']));
    expect(problems).toContainEqual({ code: DirectoryProblemCode.MissingManager, severity: 'error', personIds: ['e', 'ghost'] });
    const codes = problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining([DirectoryProblemCode.NoItSecurity, DirectoryProblemCode.NoHr, DirectoryProblemCode.NoCommunications]));
  });

  it('counts an IT security channel as IT security', () => {
    const people = [person('a', undefined, ['employee', 'hr', 'communications'])];
    const codes = checkDirectory(people, [{ platform: 'slack', id: 'C1' }]).map((p) => p.code);
    expect(codes).toEqual([DirectoryProblemCode.NoManager]);
  });

  it('describes problems in sv, fi and en', () => {
    const problem = { code: DirectoryProblemCode.MissingManager, severity: 'error' as const, personIds: ['e', 'ghost'] };
    expect(describeDirectoryProblem(problem, 'sv')).toBe('e har chefen ghost, som inte finns i katalogen.');
    expect(describeDirectoryProblem(problem, 'fi')).toBe('Henkilön e esihenkilöä ghost ei ole hakemistossa.');
    expect(describeDirectoryProblem(problem, 'en')).toBe('e has the manager ghost, who is not in the directory.');
    const cycle = { code: DirectoryProblemCode.ManagerCycle, severity: 'error' as const, personIds: ['a', 'b'] };
    expect(describeDirectoryProblem(cycle, 'sv')).toBe('Chefskedjan går i cirkel: a → b.');
  });
});
