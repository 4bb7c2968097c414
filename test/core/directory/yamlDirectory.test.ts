import { parseDirectory, loadYamlDirectory } from '../../../src/core/directory/yamlDirectory';
import { ConfigFileErrorCode, isConfigFileError, type ConfigFileError } from '../../../src/core/directory/configFileError';
import { DEMO, DEMO_DIRECTORY_PATH, IT_SECURITY_CHANNELS, demoDirectory, tempFile } from '../../helpers/reportFixtures';

const PERSON = (id: string, extra = '') => `  - id: ${id}\n    name: ${id}\n    roles: [employee]\n${extra}`;

function loadError(text: string): ConfigFileError {
  try {
    parseDirectory(text, 'dir.yaml');
  } catch (err) {
    if (isConfigFileError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigFileError');
}

describe('demo directory', () => {
  it('loads with the people the demo needs', async () => {
    const dir = await demoDirectory();
    const people = await dir.all();
    expect(people.length).toBeGreaterThanOrEqual(8);
    expect((await dir.managerOf(DEMO.anna))?.id).toBe(DEMO.karin);
    expect((await dir.managerOf(DEMO.karin))?.id).toBe(DEMO.kaisa);
    expect(await dir.managerOf(DEMO.jussi)).toBeUndefined();
    expect((await dir.withRole('hr')).map((p) => p.id)).toEqual([DEMO.helena]);
    expect((await dir.withRole('communications')).map((p) => p.id)).toEqual([DEMO.sofia]);
    const it = await dir.itSecurity();
    expect(it.people.map((p) => p.id)).toEqual([DEMO.timo, DEMO.linnea]);
    expect(it.channels).toEqual(IT_SECURITY_CHANNELS);
    expect(new Set(it.channels.map((c) => c.platform))).toEqual(new Set(['slack', 'teams', 'email']));
    expect(people.every((p) => p.lang === 'sv' || p.lang === 'fi')).toBe(true);
    expect(people.every((p) => p.identities.slack && p.identities.teams && p.identities.email)).toBe(true);
  });

  it('finds people by platform identity (e-mail case-insensitively, web by directory id)', async () => {
    const dir = await demoDirectory();
    expect((await dir.findByIdentity('slack', 'U0ANNA0001'))?.id).toBe(DEMO.anna);
    expect((await dir.findByIdentity('teams', '8c2f1a40-0004-4c1e-9a53-000000000004'))?.id).toBe(DEMO.mikko);
    expect((await dir.findByIdentity('email', 'Anna.Lindqvist@Kyrkslatt.example'))?.id).toBe(DEMO.anna);
    expect((await dir.findByIdentity('web', DEMO.jussi))?.id).toBe(DEMO.jussi);
    expect(await dir.findByIdentity('slack', 'U_NOBODY')).toBeUndefined();
    expect(await dir.person('nobody')).toBeUndefined();
  });
});

describe('invalid directory files name the file, the entry and the field', () => {
  it.each([
    ['a missing name', `people:\n  - id: a.b\n    roles: [employee]\n`, 'people[0] (id "a.b")', 'name'],
    ['an unknown role', `people:\n  - id: a.b\n    name: A\n    roles: [boss]\n`, 'people[0] (id "a.b")', 'roles.0'],
    ['a bad e-mail', `people:\n${PERSON('a.b', '    identities: { email: not-an-address }\n')}`, 'people[0] (id "a.b")', 'identities.email'],
    ['a bad language', `people:\n${PERSON('a.b', '    lang: de\n')}`, 'people[0] (id "a.b")', 'lang'],
    ['an unknown field', `people:\n${PERSON('a.b', '    boss: x\n')}`, 'people[0] (id "a.b")', ''],
    ['an unknown managerId', `people:\n${PERSON('a.b')}${PERSON('c.d', '    managerId: x.y\n')}`, 'people[1] (id "c.d")', 'managerId'],
    ['a duplicate id', `people:\n${PERSON('a.b')}${PERSON('a.b')}`, 'people[1] (id "a.b")', 'id'],
    ['an own manager', `people:\n${PERSON('a.b', '    managerId: a.b\n')}`, 'people[0] (id "a.b")', 'managerId'],
    [
      'a shared identity',
      `people:\n${PERSON('a.b', '    identities: { slack: U1 }\n')}${PERSON('c.d', '    identities: { slack: U1 }\n')}`,
      'people[1] (id "c.d")',
      'identities.slack',
    ],
    ['a bad id', `people:\n  - id: "Anna L"\n    name: A\n    roles: [employee]\n`, 'people[0] (id "Anna L")', 'id'],
    [
      'a bad channel',
      `itSecurity:\n  channels:\n    - { platform: fax, id: x }\npeople:\n${PERSON('a.b')}`,
      'itSecurity.channels[0]',
      'platform',
    ],
  ])('%s', (_name, text, entry, field) => {
    const err = loadError(text);
    expect(err.code).toBe(ConfigFileErrorCode.Invalid);
    expect(err.message).toContain('dir.yaml');
    expect(err.message).toContain(entry);
    expect(err.where.entry).toBe(entry);
    if (field) {
      expect(err.where.field).toBe(field);
      expect(err.message).toContain(`"${field}"`);
    }
  });

  it('rejects YAML syntax errors and unreadable files with their own codes', async () => {
    expect(loadError('people: [').code).toBe(ConfigFileErrorCode.Syntax);
    expect(loadError('{}').where.field).toBe('people');
    const file = tempFile('directory.yaml', `people:\n${PERSON('a.b', '    managerId: ghost\n')}`);
    await expect(loadYamlDirectory(file)).rejects.toThrow(`${file}: people[0] (id "a.b"): field "managerId"`);
    await expect(loadYamlDirectory(`${file}.missing`)).rejects.toMatchObject({ code: ConfigFileErrorCode.Unreadable });
  });

  it('accepts the demo file', () => {
    expect(() => parseDirectory(require('node:fs').readFileSync(DEMO_DIRECTORY_PATH, 'utf8'))).not.toThrow();
  });
});
