/**
 * How Slack reaches the bot: HTTP events or Socket Mode, chosen from the environment, and start-up refused
 * with a clear sentence when the settings cannot work. (Socket Mode is not connected here: no network.)
 */
import { SocketModeReceiver } from '@slack/bolt';
import express from 'express';
import type { Bot } from '../../../src/app/bot';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/core/logger';
import { slackChannel } from '../../../src/adapters/slack';
import { BotIdentity } from '../../../src/adapters/slack/transport/botIdentity';
import { boltLogger } from '../../../src/adapters/slack/transport/boltLogger';
import { createListenerClient, createSlackApp } from '../../../src/adapters/slack/transport/createSlackApp';
import { SlackEventsReceiver } from '../../../src/adapters/slack/transport/eventsReceiver';
import { selectSlackTransport } from '../../../src/adapters/slack/transport/selectTransport';
import { isSlackSetupError, SlackSetupErrorCode, slackSetupErrorMessage, type SlackSetupError } from '../../../src/adapters/slack/transport/slackSetupError';

const slackEnv = (env: Record<string, string>) => loadConfig({ PORT: '3978', ...env }).slack;

describe('selectSlackTransport', () => {
  it('is off when no Slack variable is set', () => {
    expect(selectSlackTransport(slackEnv({}))).toEqual({ kind: 'off' });
  });

  it('serves HTTP events with a bot token and a signing secret, passing SLACK_API_URL on', () => {
    expect(selectSlackTransport(slackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_API_URL: 'http://127.0.0.1:9/api/' }))).toEqual({
      kind: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's3cret',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('uses Socket Mode instead when SLACK_APP_TOKEN is set (no signing secret needed)', () => {
    expect(selectSlackTransport(slackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A0-1-abc', SLACK_SIGNING_SECRET: 's' }))).toEqual({
      kind: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1-A0-1-abc',
    });
  });

  it.each([
    [{ botToken: 'xoxb-1' }, SlackSetupErrorCode.SigningSecretMissing],
    [{ botToken: 'xoxb-1', signingSecret: '   ' }, SlackSetupErrorCode.SigningSecretMissing],
    [{ signingSecret: 's' }, SlackSetupErrorCode.BotTokenMissing],
    [{ botToken: 'xoxp-user-token', signingSecret: 's' }, SlackSetupErrorCode.BotTokenInvalid],
    [{ botToken: 'xoxb-1', appToken: 'xoxb-not-an-app-token' }, SlackSetupErrorCode.AppTokenInvalid],
  ])('refuses %j with %s', (settings, code) => {
    let caught: unknown;
    try {
      selectSlackTransport(settings);
    } catch (err) {
      caught = err;
    }
    expect(isSlackSetupError(caught)).toBe(true);
    expect((caught as SlackSetupError).code).toBe(code);
  });

  it('says clearly, in every language, what is wrong with an empty signing secret, without echoing a secret', () => {
    let caught: SlackSetupError | undefined;
    try {
      selectSlackTransport({ botToken: 'xoxb-secret-token-value' });
    } catch (err) {
      caught = err as SlackSetupError;
    }
    expect(caught!.message).toContain('SLACK_SIGNING_SECRET is empty');
    expect(caught!.message).not.toContain('xoxb-secret-token-value');
    expect(slackSetupErrorMessage(caught!, 'sv')).toContain('SLACK_SIGNING_SECRET är tom');
    expect(slackSetupErrorMessage(caught!, 'fi')).toContain('SLACK_SIGNING_SECRET on tyhjä');
  });
});

describe('slackChannel.mount', () => {
  const botWith = (env: Record<string, string>) => ({ config: loadConfig({ PORT: '3978', ...env }) }) as unknown as Bot;

  it('refuses to start over HTTP without a signing secret', async () => {
    await expect(slackChannel.mount(express(), botWith({ SLACK_BOT_TOKEN: 'xoxb-1' }))).rejects.toThrow(/SLACK_SIGNING_SECRET is empty/);
  });

  it('stays off, adding no route, when Slack is not configured', async () => {
    const app = express();
    expect(await slackChannel.mount(app, botWith({}))).toBeUndefined();
  });
});

describe('createSlackApp', () => {
  const log = boltLogger(silentLogger);
  const identityFor = (token: string) => new BotIdentity(createListenerClient({ kind: 'http', botToken: token, signingSecret: 'x', apiUrl: 'http://127.0.0.1:9/api/' }, log), token, silentLogger);

  it('Socket Mode: a SocketModeReceiver and no HTTP route', async () => {
    const expressApp = express();
    const transport = { kind: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/' } as const;
    const app = createSlackApp(transport, { expressApp, logger: log, identity: identityFor('xoxb-1'), onRateLimited: () => undefined });
    expect((app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    expect(routesOf(expressApp)).toEqual([]);
  });

  it('HTTP: the verifying receiver at POST /slack/events on the given Express app', () => {
    const expressApp = express();
    const transport = { kind: 'http', botToken: 'xoxb-1', signingSecret: 's3cret' } as const;
    const app = createSlackApp(transport, { expressApp, logger: log, identity: identityFor('xoxb-1'), onRateLimited: () => undefined });
    expect((app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SlackEventsReceiver);
    expect(routesOf(expressApp)).toEqual(['POST /slack/events']);
  });
});

/** Method and path of every route in an Express app (its routers included). */
function routesOf(app: express.Express): string[] {
  const out: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) out.push(...Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route.path}`));
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as any).router?.stack ?? (app as any)._router?.stack ?? []);
  return out;
}
