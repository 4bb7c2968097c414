import { ConfigError, type Config } from '../../config';

/**
 * How the Teams endpoint runs, decided once from the configuration:
 * - `authenticated`: MICROSOFT_APP_ID is set; every request must carry a valid Bot Framework token.
 * - `dev`: no app id and SOMEBOT_DEV=1 on a loopback HOST: botbuilder skips authentication (emulator,
 *   local tests). botbuilder would do the same silently for any empty app id, which is why the endpoint
 *   is not mounted at all in the remaining case:
 * - `off`: nothing configured.
 * Incomplete settings throw a ConfigError naming the variable, so a half-configured bot never starts.
 */
export type TeamsMode =
  | { kind: 'authenticated'; appId: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string }
  | { kind: 'dev' }
  | { kind: 'off' };

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function teamsMode(config: Pick<Config, 'teams' | 'server'>): TeamsMode {
  const { appId, appPassword, tenantId, appType, dev } = config.teams;
  if (appId) {
    const type = appType ?? (tenantId ? 'SingleTenant' : 'MultiTenant');
    if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !tenantId) {
      throw new ConfigError('MICROSOFT_APP_TENANT_ID', { key: 'requiredWhen', values: { condition: `MICROSOFT_APP_TYPE=${type}` } });
    }
    if (type === 'UserAssignedMSI' && appPassword) throw new ConfigError('MICROSOFT_APP_PASSWORD', { key: 'notAllowedWhen', values: { condition: 'MICROSOFT_APP_TYPE=UserAssignedMSI' } });
    if (type !== 'UserAssignedMSI' && !appPassword) throw new ConfigError('MICROSOFT_APP_PASSWORD', { key: 'requiredWhen', values: { condition: 'MICROSOFT_APP_ID' } });
    return { kind: 'authenticated', appId, appType: type, ...(tenantId ? { tenantId } : {}) };
  }
  if (appPassword || tenantId || appType) {
    throw new ConfigError('MICROSOFT_APP_ID', { key: 'requiredWhen', values: { condition: 'MICROSOFT_APP_*' } });
  }
  if (dev) {
    if (!isLoopbackHost(config.server.host)) {
      throw new ConfigError('SOMEBOT_DEV', { key: 'loopbackOnly' });
    }
    return { kind: 'dev' };
  }
  return { kind: 'off' };
}
