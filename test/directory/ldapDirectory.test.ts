import { CachedDirectory } from '../../src/core/directory/cachedDirectory';
import { checkDirectory, DirectoryProblemCode } from '../../src/core/directory/checkDirectory';
import { managerChain } from '../../src/core/directory/managerChain';
import type { LdapSourceSettings } from '../../src/core/directory/sourceSettings';
import { createJsonLogger } from '../../src/core/logger';
import { LdapSource } from '../../src/directory/ldap/ldapSource';
import { ADMIN_DN, ADMIN_PASSWORD, BASE_DN, startSlapd, type RunningSlapd } from './slapd';

const PEOPLE = `ou=people,${BASE_DN}`;
const GROUPS = `ou=groups,${BASE_DN}`;
const dn = (uid: string) => `uid=${uid},${PEOPLE}`;

/** An LDIF attribute line; non-ASCII values are base64 (RFC 2849). */
const line = (name: string, value: string) => (/^[\x20-\x7e]*$/.test(value) ? `${name}: ${value}` : `${name}:: ${Buffer.from(value).toString('base64')}`);

const person = (uid: string, name: string, options: { manager?: string; lang?: string; title?: string } = {}) =>
  [
    `dn: ${dn(uid)}`,
    'objectClass: inetOrgPerson',
    line('uid', uid),
    line('cn', name),
    line('sn', name.split(' ').at(-1)!),
    line('displayName', name),
    `mail: ${uid}@kyrkslatt.example`,
    ...(options.title ? [line('title', options.title)] : []),
    ...(options.lang ? [`preferredLanguage: ${options.lang}`] : []),
    ...(options.manager ? [`manager: ${dn(options.manager)}`] : []),
  ].join('\n');

const group = (cn: string, members: string[]) => [`dn: cn=${cn},${GROUPS}`, 'objectClass: groupOfNames', `cn: ${cn}`, ...members.map((m) => `member: ${m}`)].join('\n');

const ORGANISATION = [
  [`dn: ${BASE_DN}`, 'objectClass: dcObject', 'objectClass: organization', 'dc: kyrkslatt', 'o: Kyrkslatts kommun'].join('\n'),
  [`dn: ${PEOPLE}`, 'objectClass: organizationalUnit', 'ou: people'].join('\n'),
  [`dn: ${GROUPS}`, 'objectClass: organizationalUnit', 'ou: groups'].join('\n'),
  person('kaisa.virtanen', 'Kaisa Virtanen', { lang: 'fi-FI', title: 'Sivistysjohtaja' }),
  person('karin.nystrom', 'Karin Nyström', { lang: 'sv-FI', manager: 'kaisa.virtanen' }),
  person('anna.lindqvist', 'Anna Lindqvist', { lang: 'sv', manager: 'karin.nystrom' }),
  person('jussi.heikkinen', 'Jussi Heikkinen', { lang: 'fi' }),
  person('timo.korhonen', 'Timo Korhonen', { lang: 'fi', manager: 'kaisa.virtanen' }),
  person('linnea.berg', 'Linnea Berg', { lang: 'sv', manager: 'timo.korhonen' }),
  person('helena.aaltonen', 'Helena Aaltonen', { lang: 'fi', manager: 'kaisa.virtanen' }),
  person('olli.loop', 'Olli Loop', { manager: 'pekka.loop' }),
  person('pekka.loop', 'Pekka Loop', { manager: 'olli.loop' }),
  group('it-security', [dn('timo.korhonen'), `cn=it-security-specialists,${GROUPS}`]),
  group('it-security-specialists', [dn('linnea.berg'), `cn=it-security,${GROUPS}`]),
  group('hr', [dn('helena.aaltonen')]),
  group('communications', [`cn=it-security-specialists,${GROUPS}`]),
].join('\n\n') + '\n';

const describeWithSlapd = ['/usr/sbin/slapd', '/usr/local/sbin/slapd'].some((p) => require('node:fs').existsSync(p)) ? describe : describe.skip;

describeWithSlapd('LDAP directory (real slapd)', () => {
  let slapd: RunningSlapd;
  const settings = (over: Partial<LdapSourceSettings> = {}): LdapSourceSettings => ({
    kind: 'ldap',
    url: slapd.url,
    baseDn: BASE_DN,
    userFilter: '(objectClass=inetOrgPerson)',
    itSecurityGroup: `cn=it-security,${GROUPS}`,
    hrGroup: `cn=hr,${GROUPS}`,
    communicationsGroup: `cn=communications,${GROUPS}`,
    ...over,
  });
  let now = 1_000_000;
  const logLines: string[] = [];
  const open = (source = new LdapSource(settings(), { bindDn: ADMIN_DN, bindPassword: ADMIN_PASSWORD, timeoutMs: 2000 })) =>
    new CachedDirectory({ source, ttlMs: 60_000, logger: createJsonLogger('debug', (l) => logLines.push(l)), now: () => now });

  beforeAll(async () => {
    slapd = await startSlapd(ORGANISATION);
  });
  afterAll(() => slapd?.stop());

  it('follows the manager DN chain to the top, by login name, e-mail and id', async () => {
    const directory = open();
    const anna = await directory.findByIdentity('email', 'anna.lindqvist@kyrkslatt.example');
    expect(anna).toMatchObject({ id: 'anna.lindqvist', name: 'Anna Lindqvist', lang: 'sv', managerId: 'karin.nystrom' });
    const chain = await managerChain(directory, 'anna.lindqvist');
    expect(chain.managers.map((p) => p.name)).toEqual(['Karin Nyström', 'Kaisa Virtanen']);
    expect(chain.end).toBe('top');
    expect((await directory.person('karin.nystrom'))?.lang).toBe('sv');
    expect((await directory.person('kaisa.virtanen'))?.title).toBe('Sivistysjohtaja');
    expect(await directory.person('nobody')).toBeUndefined();
  });

  it('gives roles from groups, nested groups included (a loop of groups ends)', async () => {
    const directory = open();
    expect((await directory.itSecurity()).people.map((p) => p.id).sort()).toEqual(['linnea.berg', 'timo.korhonen']);
    expect((await directory.withRole('hr')).map((p) => p.id)).toEqual(['helena.aaltonen']);
    expect((await directory.withRole('communications')).map((p) => p.id).sort()).toEqual(['linnea.berg', 'timo.korhonen']);
    expect((await directory.person('linnea.berg'))?.roles).toEqual(expect.arrayContaining(['employee', 'it_security', 'communications']));
    expect((await directory.withRole('manager')).map((p) => p.id).sort()).toEqual(['kaisa.virtanen', 'karin.nystrom', 'olli.loop', 'pekka.loop', 'timo.korhonen']);
  });

  it('knows a person without a manager and finds the loop in a chain', async () => {
    const directory = open();
    expect(await directory.managerOf('jussi.heikkinen')).toBeUndefined();
    const chain = await managerChain(directory, 'olli.loop');
    expect(chain).toMatchObject({ end: 'loop', loopsTo: 'olli.loop' });
    const problems = checkDirectory(await directory.all(), []);
    expect(problems.find((p) => p.code === DirectoryProblemCode.ManagerCycle)?.personIds.sort()).toEqual(['olli.loop', 'pekka.loop']);
    expect(problems.filter((p) => p.code === DirectoryProblemCode.NoManager).map((p) => p.personIds[0]).sort()).toEqual(['jussi.heikkinen', 'kaisa.virtanen']);
  });

  it('speaks ldaps:// and StartTLS with the server certificate trusted', async () => {
    const ldaps = open(new LdapSource(settings({ url: slapd.ldapsUrl }), { bindDn: ADMIN_DN, bindPassword: ADMIN_PASSWORD, tls: { ca: slapd.ca }, timeoutMs: 2000 }));
    expect((await ldaps.managerOf('anna.lindqvist'))?.id).toBe('karin.nystrom');
    const startTlsSource = new LdapSource(settings({ startTls: true }), { bindDn: ADMIN_DN, bindPassword: ADMIN_PASSWORD, tls: { ca: slapd.ca }, timeoutMs: 2000 });
    const startTls = open(startTlsSource);
    expect((await startTls.managerOf('anna.lindqvist'))?.id).toBe('karin.nystrom');
  });

  it('refuses a wrong bind password as Refused', async () => {
    const source = new LdapSource(settings(), { bindDn: ADMIN_DN, bindPassword: 'wrong', timeoutMs: 2000 });
    await expect(source.findPerson({ by: 'id', value: 'anna.lindqvist' })).rejects.toMatchObject({ code: 'directory_refused', status: 49 });
  });

  it('serves the last known values while slapd is down, and unknown (not an error) for what it never saw', async () => {
    const directory = open();
    expect((await directory.managerOf('anna.lindqvist'))?.id).toBe('karin.nystrom');
    expect((await directory.itSecurity()).people).toHaveLength(2);
    await slapd.stop();
    try {
      now += 120_000;
      expect((await directory.managerOf('anna.lindqvist'))?.id).toBe('karin.nystrom');
      expect((await directory.itSecurity()).people).toHaveLength(2);
      expect(await directory.managerOf('linnea.berg')).toBeUndefined();
      for (let i = 0; i < 100 && directory.sourceHealth().failures === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(directory.sourceHealth().lastFailure).toBe('directory_unavailable');
      const logs = logLines.join('\n');
      expect(logs).toContain('directory_source_failed');
      expect(logs).not.toMatch(/anna|karin|linnea|lindqvist|kyrkslatt/i);
    } finally {
      await slapd.start();
    }
  });
});
