import { loadConfig, isConfigError } from '../../../src/config';
import { isLoopbackHost, teamsMode } from '../../../src/adapters/teams/teamsMode';
import { checkActivityShape } from '../../../src/adapters/teams/activityShape';

const APP_ID = '5b9e4c3a-1f2d-4e6b-8a7c-9d0e1f2a3b4c';
const mode = (env: Record<string, string>) => teamsMode(loadConfig(env));
const refusal = (env: Record<string, string>) => {
  try {
    mode(env);
  } catch (err) {
    if (isConfigError(err)) return err.variable;
    throw err;
  }
  return undefined;
};

describe('teamsMode', () => {
  it('is off when nothing is configured (botbuilder would silently run without authentication)', () => {
    expect(mode({})).toEqual({ kind: 'off' });
    expect(mode({ SOMEBOT_DEV: '0' })).toEqual({ kind: 'off' });
  });

  it('authenticates whenever an app id is set, even with SOMEBOT_DEV=1', () => {
    expect(mode({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', SOMEBOT_DEV: '1' })).toEqual({ kind: 'authenticated', appId: APP_ID, appType: 'MultiTenant' });
    expect(mode({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: 't' })).toEqual(
      expect.objectContaining({ appType: 'SingleTenant', tenantId: 't' }),
    );
  });

  it('allows the unauthenticated endpoint only on a loopback HOST', () => {
    expect(mode({ SOMEBOT_DEV: '1' })).toEqual({ kind: 'dev' });
    expect(mode({ SOMEBOT_DEV: '1', HOST: '::1' })).toEqual({ kind: 'dev' });
    expect(refusal({ SOMEBOT_DEV: '1', HOST: '0.0.0.0' })).toBe('SOMEBOT_DEV');
    expect(refusal({ SOMEBOT_DEV: '1', HOST: '10.0.0.5' })).toBe('SOMEBOT_DEV');
  });

  it('names the variable missing from an incomplete configuration', () => {
    expect(refusal({ MICROSOFT_APP_ID: APP_ID })).toBe('MICROSOFT_APP_PASSWORD');
    expect(refusal({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'SingleTenant' })).toBe('MICROSOFT_APP_TENANT_ID');
    expect(refusal({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 't' })).toBe('MICROSOFT_APP_PASSWORD');
    expect(refusal({ MICROSOFT_APP_PASSWORD: 'x' })).toBe('MICROSOFT_APP_ID');
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.2', 'example.org'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('checkActivityShape', () => {
  const valid = { type: 'message', id: '1', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } };

  it('accepts a Bot Framework activity and names the first field at fault otherwise', () => {
    expect(checkActivityShape(valid)).toEqual({ ok: true });
    expect(checkActivityShape({ ...valid, id: undefined })).toEqual({ ok: false, field: 'id' });
    expect(checkActivityShape({ ...valid, from: {} })).toEqual({ ok: false, field: 'from.id' });
    expect(checkActivityShape({ ...valid, serviceUrl: 'javascript:alert(1)' })).toEqual({ ok: false, field: 'serviceUrl' });
    expect(checkActivityShape(null)).toEqual({ ok: false, field: 'body' });
  });
});
