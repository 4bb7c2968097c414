import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configCommand } from '../../src/cli/commands/config';
import type { CliIo } from '../../src/cli/command';
import { parseDotEnv } from '../../src/server/ops/dotEnv';

function tempDir(envFile?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-config-'));
  if (envFile !== undefined) fs.writeFileSync(path.join(dir, '.env'), envFile);
  return dir;
}

async function check(env: NodeJS.ProcessEnv, cwd = tempDir()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
  const code = await configCommand({ env: { SOMEBOT_LANG: 'en', ...env }, cwd }).run(['check'], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Production (a platform, or HOST not loopback) needs the data key outside the data directory. */
const PRODUCTION_KEY = Buffer.alloc(32, 8).toString('base64');

describe('somebot config check', () => {
  it('in production, names a data key kept inside the data directory', async () => {
    const result = await check({ HOST: '0.0.0.0', SOMEBOT_LANG: 'en' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('SOMEBOT_DATA_KEY: this is a production setup (HOST=0.0.0.0), so the data key must not be kept inside the data directory');
  });

  it('with nothing set: valid, embedded storage, the web chat ready and what Slack and Teams miss', async () => {
    const result = await check({});
    expect(result.code).toBe(0);
    expect(result.out).toContain('No .env file in');
    expect(result.out).toContain('Storage: embedded PGlite in');
    expect(result.out).toContain('Web chat: ready');
    expect(result.out).toContain('Slack: off – missing SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN');
    expect(result.out).toContain('Teams: off – missing MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD');
    expect(result.out.split('\n').at(-1)).toBe('The configuration is valid.');
  });

  it('prints what is set and hides secrets', async () => {
    const result = await check({ PORT: '4000', SLACK_BOT_TOKEN: 'xoxb-secret-value', SLACK_SIGNING_SECRET: 'shh-secret', SOMEBOT_LANG: 'en', SOMEBOT_DATA_KEY: PRODUCTION_KEY });
    expect(result.code).toBe(0);
    expect(result.out).not.toContain(PRODUCTION_KEY);
    expect(result.out).toMatch(/PORT\s+4000/);
    expect(result.out).toMatch(/SLACK_BOT_TOKEN\s+set \(hidden\)/);
    expect(result.out).not.toContain('xoxb-secret-value');
    expect(result.out).not.toContain('shh-secret');
    expect(result.out).toContain('Slack: ready');
    // With Slack configured the demo (no login) is off unless asked for, and the check says why.
    expect(result.out).toContain('Web chat: off – Slack or Teams is configured, so the demo chat (no login) is off');
  });

  it('takes the sign-in settings all together, hides the client secret and the demo token', async () => {
    const signIn = { SOMEBOT_OIDC_ISSUER: 'https://login.example/tenant/v2.0', SOMEBOT_OIDC_CLIENT_ID: 'somebot', SOMEBOT_OIDC_CLIENT_SECRET: 'oidc-secret-value', SOMEBOT_PUBLIC_URL: 'https://somebot.example', SOMEBOT_LANG: 'en' };
    // Sign-in makes it production: the data key comes from the environment, not the data directory.
    const ok = await check({ ...signIn, HOST: '0.0.0.0', SOMEBOT_DATA_KEY: Buffer.alloc(32, 3).toString('base64') });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Web chat: ready');
    expect(ok.out).not.toContain('oidc-secret-value');
    const partial = await check({ SOMEBOT_OIDC_ISSUER: signIn.SOMEBOT_OIDC_ISSUER, SOMEBOT_LANG: 'en' });
    expect(partial.code).toBe(1);
    expect(partial.err).toContain('SOMEBOT_OIDC_CLIENT_ID: required when SOMEBOT_OIDC_* is set');
    const token = await check({ SOMEBOT_DEMO_TOKEN: 'demo-token-value-0123456789', SOMEBOT_LANG: 'en' });
    expect(token.out).not.toContain('demo-token-value-0123456789');
  });

  it('exits 1 naming every invalid variable, never echoing a secret', async () => {
    const result = await check({ PORT: 'eighty', SOMEBOT_TIME_ZONE: 'Mars/Olympus', SOMEBOT_DATA_KEY: 'not-a-key' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('PORT: expected a whole number from 1 to 65535, got "eighty"');
    expect(result.err).toContain('SOMEBOT_TIME_ZONE: expected an IANA time zone');
    expect(result.err).toContain('SOMEBOT_DATA_KEY: expected base64');
    expect(result.err).not.toContain('not-a-key');
    expect(result.err.split('\n').at(-1)).toBe('Invalid values: 3. somebot will not start until they are fixed.');
  });

  it('reports cross-variable problems too, in Swedish when asked', async () => {
    const result = await check({ SOMEBOT_LANG: 'sv', SOMEBOT_RELAY_LEASE_MS: '10000', SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: '9000' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: högst hälften av SOMEBOT_RELAY_LEASE_MS förväntades');
    expect(result.err).toContain('Ogiltiga värden: 1.');
  });

  it('says what is wrong with a value in the language asked for', async () => {
    expect((await check({ SOMEBOT_LANG: 'fi', PORT: 'eighty' })).err).toContain('PORT: odotettiin kokonaislukua väliltä 1–65535, saatiin ”eighty”');
    expect((await check({ SOMEBOT_LANG: 'sv', SOMEBOT_TIME_ZONE: 'Mars/Olympus' })).err).toContain('SOMEBOT_TIME_ZONE: en IANA-tidszon som Europe/Helsinki förväntades');
  });

  it('reads .env from the working directory; the environment wins over it', async () => {
    const dir = tempDir('# demo\nexport HOST=0.0.0.0\nPORT="4100"\nSOMEBOT_CONTACT=\'someone@example.org\' \n');
    const env: NodeJS.ProcessEnv = { PORT: '4200', SOMEBOT_DATA_KEY: PRODUCTION_KEY };
    const result = await check(env, dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Read ${path.join(dir, '.env')}.`);
    expect(result.out).toMatch(/PORT\s+4200/);
    expect(result.out).toMatch(/HOST\s+0\.0\.0\.0/);
    // A non-loopback HOST switches the web chat off and says why.
    expect(result.out).toContain('Web chat: off – HOST 0.0.0.0 is not a loopback address');
  });

  it('the web chat runs on any HOST only when SOMEBOT_WEB_CHAT=any-host says so, and can be switched off', async () => {
    expect((await check({ HOST: '0.0.0.0', SOMEBOT_WEB_CHAT: 'any-host', SOMEBOT_DATA_KEY: PRODUCTION_KEY })).out).toContain('Web chat: ready');
    expect((await check({ SOMEBOT_WEB_CHAT: 'off' })).out).toContain('Web chat: off – switched off (SOMEBOT_WEB_CHAT=off)');
    expect((await check({ SOMEBOT_WEB_CHAT: 'public' })).err).toContain('SOMEBOT_WEB_CHAT: expected one of demo, auto, off, any-host');
  });

  it('explains its usage', async () => {
    const err: string[] = [];
    const code = await configCommand({ env: { SOMEBOT_LANG: 'en' } }).run([], { out: () => undefined, err: (t) => err.push(t), stdin: process.stdin });
    expect(code).toBe(2);
    expect(err.join('')).toBe('usage: somebot config check');
  });
});

describe('parseDotEnv', () => {
  it('reads KEY=VALUE lines with comments, export and quotes', () => {
    expect(parseDotEnv('A=1\n# c\nexport B = two words # note\nC="x # y"\nD=\'q\'\nbad line\n')).toEqual({ A: '1', B: 'two words', C: 'x # y', D: 'q' });
  });
});
