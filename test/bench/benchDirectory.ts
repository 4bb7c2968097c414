/**
 * An organisation directory for the load benchmark: one manager, one IT security person and `employees`
 * plain employees, each with a Slack and a Teams identity, so that many people can report at the same time
 * (one report dialog per person). Same format as content/demo-directory.yaml.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BenchPerson {
  id: string;
  slack: string;
  teams: string;
}

export const BENCH_MANAGER: BenchPerson = { id: 'bench.manager', slack: 'U0BENCHBOSS', teams: '7d000000-0000-4000-8000-000000000001' };
export const BENCH_IT: BenchPerson = { id: 'bench.itsec', slack: 'U0BENCHITSC', teams: '7d000000-0000-4000-8000-000000000002' };
export const BENCH_IT_CHANNEL = 'C0BENCHSEC1';

export function benchEmployees(count: number): BenchPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return { id: `bench.e${n}`, slack: `U0BENCH${n}`, teams: `7d000000-0000-4000-8000-00000001${n}` };
  });
}

function yamlPerson(p: BenchPerson, name: string, roles: string[], managerId?: string): string {
  return [
    `  - id: ${p.id}`,
    `    name: "${name}"`,
    `    lang: sv`,
    ...(managerId ? [`    managerId: ${managerId}`] : []),
    `    roles: [${roles.join(', ')}]`,
    `    identities: { slack: ${p.slack}, teams: ${p.teams}, email: ${p.id}@bench.example }`,
  ].join('\n');
}

/** Writes the directory to `dir`/directory.yaml and returns its path. */
export function writeBenchDirectory(dir: string, employees: BenchPerson[]): string {
  const text = [
    'organisation: "Benchmark organisation"',
    'itSecurity:',
    '  channels:',
    `    - { platform: slack, id: ${BENCH_IT_CHANNEL}, name: "#it-security" }`,
    'people:',
    yamlPerson(BENCH_MANAGER, 'Bench Manager', ['employee', 'manager']),
    yamlPerson(BENCH_IT, 'Bench IT Security', ['employee', 'it_security']),
    ...employees.map((p, i) => yamlPerson(p, `Bench Employee ${i + 1}`, ['employee'], BENCH_MANAGER.id)),
    '',
  ].join('\n');
  const file = path.join(dir, 'directory.yaml');
  fs.writeFileSync(file, text);
  return file;
}
