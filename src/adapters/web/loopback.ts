import type { Config } from '../../config';

/** True when HOST only accepts connections from this computer (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Why the web console is off. */
export type WebConsoleOffReason = 'disabled' | 'not_loopback' | 'other_channels';

/**
 * How the web console runs, decided once from the configuration:
 * - `signin`: SOMEBOT_OIDC_* is set; who you are comes from an OpenID Connect sign-in (any HOST).
 * - `demo`: the person picker (no login), guarded by a token and by direct loopback connections only.
 *   It is the default only when nothing else is configured (no Slack, no Teams, no sign-in) and HOST is
 *   loopback; SOMEBOT_WEB_CHAT=demo (or auto) asks for it beside Slack or Teams; SOMEBOT_WEB_CHAT=any-host
 *   runs it on any HOST (`network: 'any'`: only the token then keeps others out).
 * - `off`: SOMEBOT_WEB_CHAT=off, a non-loopback HOST, or other channels configured and no demo asked for.
 */
export type WebConsoleMode =
  | { on: true; kind: 'signin' }
  | { on: true; kind: 'demo'; network: 'loopback' | 'any' }
  | { on: false; reason: WebConsoleOffReason };

/** Whether Slack or Teams has been given credentials (the emulator's SOMEBOT_DEV=1 does not count). */
function platformConfigured(config: Pick<Config, 'slack' | 'teams'>): boolean {
  return Boolean(config.slack.botToken || config.slack.signingSecret || config.slack.appToken || config.teams.appId);
}

export function webConsoleMode(config: Pick<Config, 'server' | 'web' | 'slack' | 'teams' | 'signIn'>): WebConsoleMode {
  if (config.web.chat === 'off') return { on: false, reason: 'disabled' };
  if (config.signIn) return { on: true, kind: 'signin' };
  if (config.web.chat === 'any-host') return { on: true, kind: 'demo', network: 'any' };
  if (!isLoopbackHost(config.server.host)) return { on: false, reason: 'not_loopback' };
  if (config.web.chat === 'demo' || !platformConfigured(config)) return { on: true, kind: 'demo', network: 'loopback' };
  return { on: false, reason: 'other_channels' };
}
