import type { Config } from '../../config';

/** True when HOST only accepts connections from this computer (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Whether the web chat may run. It has no login (anyone who reaches it can act as anyone in the directory),
 * so it runs only on a loopback HOST, unless SOMEBOT_WEB_CHAT=any-host says otherwise on purpose.
 */
export function webChatDecision(config: Pick<Config, 'server' | 'web'>): { on: true } | { on: false; reason: 'disabled' | 'not_loopback' } {
  if (config.web.chat === 'off') return { on: false, reason: 'disabled' };
  if (config.web.chat === 'any-host' || isLoopbackHost(config.server.host)) return { on: true };
  return { on: false, reason: 'not_loopback' };
}
