import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { REPO_ROOT } from '../../src/core/i18n';

function problem(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything: PGlite in ./data, the demo directory, 365 days', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataKey).toBeUndefined();
    expect(config.dataDir).toBe(path.join(REPO_ROOT, 'data'));
    expect(config.orgDirectory).toBe(path.join(REPO_ROOT, 'content', 'demo-directory.yaml'));
    expect(config.retentionDays).toBe(365);
    expect(config.timeZone).toBe('Europe/Helsinki');
    expect(config.relay.maxAttempts).toBeGreaterThan(10);
    expect(config.relay.deliveryTimeoutMs * 2).toBeLessThanOrEqual(config.relay.leaseMs);
    expect(config.slack.postIntervalMs).toBe(1000);
  });

  it('reads and converts given values; empty strings count as unset', () => {
    const key = Buffer.alloc(32, 5).toString('base64');
    const config = loadConfig({
      SOMEBOT_DATA_DIR: '/var/lib/somebot',
      DATABASE_URL: 'postgres://bot:pw@db:5432/somebot',
      SOMEBOT_DATA_KEY: key,
      SOMEBOT_RETENTION_DAYS: '30',
      SOMEBOT_RELAY_MAX_ATTEMPTS: '5',
      SOMEBOT_SLACK_POST_INTERVAL_MS: '250',
      ORG_DIRECTORY: '',
    });
    expect(config.dataDir).toBe('/var/lib/somebot');
    expect(config.databaseUrl).toBe('postgres://bot:pw@db:5432/somebot');
    expect(config.dataKey?.equals(Buffer.alloc(32, 5))).toBe(true);
    expect(config.retentionDays).toBe(30);
    expect(config.relay.maxAttempts).toBe(5);
    expect(config.slack.postIntervalMs).toBe(250);
    expect(config.orgDirectory).toBe(path.join(REPO_ROOT, 'content', 'demo-directory.yaml'));
  });

  it.each([
    ['SOMEBOT_RETENTION_DAYS', 'a year'],
    ['SOMEBOT_RETENTION_DAYS', '0'],
    ['SOMEBOT_RETENTION_DAYS', '1.5'],
    ['SOMEBOT_RELAY_MAX_ATTEMPTS', '-1'],
    ['SOMEBOT_TIME_ZONE', 'Mars/Olympus'],
    ['SOMEBOT_DEFAULT_LANG', 'de'],
    ['DATABASE_URL', 'mysql://db/x'],
    ['SOMEBOT_DATA_KEY', 'c2hvcnQ='],
  ])('names %s when it is invalid (%s)', (variable, value) => {
    const err = problem({ [variable]: value });
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}:`)).toBe(true);
  });

  it('never repeats a secret in the error', () => {
    expect(problem({ SOMEBOT_DATA_KEY: 'not-a-real-key-but-secret' }).message).not.toContain('not-a-real-key');
    expect(problem({ DATABASE_URL: 'mysql://user:hunter2@db/x' }).message).not.toContain('hunter2');
    expect(problem({ SOMEBOT_RETENTION_DAYS: 'abc' }).message).toContain('"abc"');
  });

  it('checks settings against each other', () => {
    expect(problem({ SOMEBOT_RELAY_LEASE_MS: '10000', SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: '8000' }).variable).toBe('SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS');
  });
});
