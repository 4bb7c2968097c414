import { directoryCommand } from '../../src/cli/commands/directory';
import type { CliIo } from '../../src/cli/command';
import { tempFile } from '../helpers/reportFixtures';

async function run(args: string[], env: NodeJS.ProcessEnv = { SOMEBOT_LANG: 'en' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
  const code = await directoryCommand({ env }).run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const person = (id: string, managerId?: string, roles = '[employee]') =>
  `  - { id: ${id}, name: ${id}, roles: ${roles}${managerId ? `, managerId: ${managerId}` : ''} }`;

describe('somebot directory check', () => {
  it('accepts the demo directory (ORG_DIRECTORY default), listing its warnings', async () => {
    const result = await run(['check']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/demo-directory\.yaml: 9 people; IT security: 2 people and 3 channels\./);
    expect(result.out).toContain('warning: ');
    expect(result.out.split('\n').at(-1)).toMatch(/^The directory is usable \(\d+ warnings\)\.$/);
  });

  it('fails with exit code 1 on a manager cycle or missing IT security', async () => {
    const file = tempFile('dir.yaml', ['people:', person('a', 'b'), person('b', 'a'), person('h', undefined, '[hr]')].join('\n'));
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/error: /);
    expect(result.out.split('\n').at(-1)).toMatch(/^The directory has 2 errors/);
  });

  it('names the file, entry and field of an invalid file', async () => {
    const file = tempFile('dir.yaml', ['people:', person('a', 'nobody')].join('\n'));
    const result = await run(['check', file], { SOMEBOT_LANG: 'sv' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('Ogiltig konfigurationsfil');
    expect(result.err).toContain(file);
    expect(result.err).toContain('managerId');
  });

  it('reads ORG_DIRECTORY and explains its usage', async () => {
    const file = tempFile('dir.yaml', ['people:', person('a', 'nobody')].join('\n'));
    expect((await run(['check'], { ORG_DIRECTORY: file })).code).toBe(1);
    expect((await run([])).code).toBe(2);
    expect((await run(['check'], { SOMEBOT_TIME_ZONE: 'Nowhere/Land' })).err).toMatch(/SOMEBOT_TIME_ZONE/);
  });
});
