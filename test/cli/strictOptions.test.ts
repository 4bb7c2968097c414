import { main } from '../../src/cli';
import type { CliIo } from '../../src/cli/command';

/** Every command refuses an option it does not know, or one missing its value: exit code 2, a translated sentence. */
describe('strict command-line options', () => {
  const saved = process.env.SOMEBOT_LANG;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOMEBOT_LANG;
    else process.env.SOMEBOT_LANG = saved;
  });

  async function run(args: string[], lang = 'en') {
    process.env.SOMEBOT_LANG = lang;
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
    const code = await main(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it.each([
    [['ask', '--jsn', 'hej'], 'Unknown option --jsn.'],
    [['ask', '--batch'], 'The option --batch needs a value.'],
    [['ask', '--json=yes', 'hej'], 'The option --json takes no value.'],
    [['eval', 'x.jsonl', '--verbose'], 'Unknown option --verbose.'],
    [['bench', '--iterations'], 'The option --iterations needs a value.'],
    [['chat', '--as'], 'The option --as needs a value.'],
    [['chat', 'anna'], 'Unexpected argument “anna”.'],
    [['index', '--force'], 'Unknown option --force.'],
    [['start', '--port', '80'], 'Unknown option --port.'],
    [['reports', 'list', '--admn'], 'Unknown option --admn.'],
    [['reports', 'list', '--as', '--admin'], 'The option --as needs a value.'],
    [['package', 'teams', '--out'], 'The option --out needs a value.'],
    [['config', 'check', '--all'], 'Unknown option --all.'],
    [['directory', 'check', '--strict'], 'Unknown option --strict.'],
    [['keys', 'rotate', '--new'], 'Unknown option --new.'],
  ])('%j exits 2: %s', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(message);
    expect(result.out).toBe('');
  });

  it('says it in Swedish and Finnish', async () => {
    expect((await run(['ask', '--jsn'], 'sv')).err).toContain('Okänt alternativ --jsn.');
    expect((await run(['ask', '--batch'], 'fi')).err).toContain('Valitsin --batch tarvitsee arvon.');
  });

  it('keeps the known options working, in both spellings', async () => {
    const json = await run(['ask', '--json', '--lang-hint=sv', 'Får jag svara på kommentarer?']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ id: 'ask' });
  });
});
