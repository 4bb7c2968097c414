/**
 * Production rules: what counts as production, the data key outside the data directory, and /metrics
 * behind a bearer token.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, productionKeyProblem } from '../../src/config';
import { REPO_ROOT } from '../../src/core/i18n';
import { deploymentMode } from '../../src/server/deploymentMode';
import { productionNotes } from '../../src/server/productionNotes';
import { translator } from '../../src/core/i18n';
import { startTestServer, TEST_INDEX_FILE, type TestServer } from './testServer';

const KEY = Buffer.alloc(32, 5).toString('base64');

describe('deploymentMode', () => {
  const mode = (facts: Partial<Parameters<typeof deploymentMode>[0]>) => deploymentMode({ slack: {}, teams: {}, host: '127.0.0.1', ...facts });
  it('is the demo only with no platform, no sign-in and a loopback HOST', () => {
    expect(mode({})).toEqual({ production: false, reasons: [] });
    expect(mode({ host: '::1' }).production).toBe(false);
    expect(mode({ host: 'localhost' }).production).toBe(false);
    expect(mode({ slack: { botToken: 'xoxb-1' } }).reasons).toEqual(['slack']);
    expect(mode({ slack: { appToken: 'xapp-1' } }).reasons).toEqual(['slack']);
    expect(mode({ teams: { appId: 'a' } }).reasons).toEqual(['teams']);
    expect(mode({ signInIssuer: 'https://login.microsoftonline.com/t/v2.0' }).reasons).toEqual(['signIn']);
    expect(mode({ host: '0.0.0.0' }).reasons).toEqual(['host']);
    expect(mode({ host: '10.1.2.3', teams: { appId: 'a' } })).toEqual({ production: true, reasons: ['teams', 'host'] });
  });

  it('is read from the environment by loadConfig', () => {
    expect(loadConfig({}).deployment.production).toBe(false);
    expect(loadConfig({ SOMEBOT_OIDC_ISSUER: 'https://idp.example.org', SOMEBOT_OIDC_CLIENT_ID: 'somebot', SOMEBOT_OIDC_CLIENT_SECRET: 's', SOMEBOT_PUBLIC_URL: 'https://somebot.example.org' }).deployment.reasons).toEqual(['signIn']);
    expect(loadConfig({ HOST: '0.0.0.0' }).deployment.reasons).toEqual(['host']);
  });
});

describe('the data key in production', () => {
  let base: string;
  let dataDir: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-prod-'));
    dataDir = path.join(base, 'data');
    fs.mkdirSync(dataDir);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const problem = (env: NodeJS.ProcessEnv) => productionKeyProblem(loadConfig({ SOMEBOT_DATA_DIR: dataDir, ...env }));

  it('refuses the data directory key file, and a key file inside the data directory', () => {
    expect(problem({ HOST: '0.0.0.0' })).toMatchObject({ variable: 'SOMEBOT_DATA_KEY', problem: { key: 'dataKeyInDataDir' } });
    const inside = path.join(dataDir, 'keys', 'somebot.key');
    fs.mkdirSync(path.dirname(inside));
    fs.writeFileSync(inside, `${KEY}\n`, { mode: 0o600 });
    expect(problem({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY_FILE: inside })).toMatchObject({ variable: 'SOMEBOT_DATA_KEY_FILE' });
    // A symbolic link from outside into the data directory is still inside.
    const link = path.join(base, 'link.key');
    fs.symlinkSync(inside, link);
    expect(problem({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY_FILE: link })).toMatchObject({ variable: 'SOMEBOT_DATA_KEY_FILE' });
  });

  it('accepts SOMEBOT_DATA_KEY or a key file outside; the demo keeps its key file', () => {
    const outside = path.join(base, 'somebot.key');
    fs.writeFileSync(outside, `${KEY}\n${Buffer.alloc(32, 6).toString('base64')}\n`, { mode: 0o600 });
    expect(problem({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY: KEY })).toBeUndefined();
    expect(problem({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY_FILE: outside })).toBeUndefined();
    expect(problem({})).toBeUndefined();
    const config = loadConfig({ SOMEBOT_DATA_DIR: dataDir, SOMEBOT_DATA_KEY_FILE: outside });
    expect(config.dataKey?.toString('base64')).toBe(KEY);
    expect(config.oldDataKeys).toHaveLength(1); // the file's second line stays readable during a rotation
  });

  it('npm start refuses to start, naming the variable', async () => {
    const child = spawn(process.execPath, ['-r', path.join(REPO_ROOT, 'test/core/delivery/fixtures/tsRequire.js'), path.join(__dirname, 'fixtures', 'start.ts')], {
      cwd: base,
      env: { PATH: process.env.PATH, SOMEBOT_LANG: 'en', SOMEBOT_DATA_DIR: dataDir, SOMEBOT_INDEX_FILE: TEST_INDEX_FILE, HOST: '0.0.0.0', PORT: '4601' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('SOMEBOT_DATA_KEY');
    expect(err).toContain('must not be kept inside the data directory');
    expect(fs.readdirSync(dataDir)).toEqual([]); // nothing was created: no key, no database
  }, 60_000);
});

describe('what npm start says about the mode', () => {
  const t = translator('en');
  const notes = (env: NodeJS.ProcessEnv) => productionNotes(loadConfig({ SOMEBOT_DATA_DIR: '/srv/somebot-data', ...env }), t);
  it('warns in production while /metrics has no token, and says why it is production', () => {
    expect(notes({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY: KEY })).toEqual([
      { text: 'Production mode: HOST is not a loopback address.', warning: false },
      { text: expect.stringContaining('SOMEBOT_METRICS_TOKEN is not set'), warning: true },
    ]);
    expect(notes({ HOST: '0.0.0.0', SOMEBOT_DATA_KEY: KEY, SOMEBOT_METRICS_TOKEN: 'x' }).filter((n) => n.warning)).toEqual([]);
  });
  it('in the demo, says the key is the data directory file', () => {
    expect(notes({})).toEqual([{ text: expect.stringContaining(`${path.join('/srv/somebot-data', 'data.key')}, inside the data directory`), warning: false }]);
    expect(translator('sv')('security:start.metricsTokenMissing')).toContain('SOMEBOT_METRICS_TOKEN');
  });
});

describe('/metrics with SOMEBOT_METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SOMEBOT_METRICS_TOKEN: 'metrics-secret-1' } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers 401 without the token or with another one, and the figures with it', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('somebot_');
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret-2' } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Basic bWV0cmljcy1zZWNyZXQtMQ==' } })).status).toBe(401);
    const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret-1' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('somebot_store_up 1');
    // Health checks stay open for the load balancer.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
