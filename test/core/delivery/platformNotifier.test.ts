import { PlatformNotifier, UNREACHABLE_RETRY_MS } from '../../../src/core/delivery/platformNotifier';
import { DeliveryError, isDeliveryError } from '../../../src/core/delivery/deliveryError';
import type { OutboundMessage, Person } from '../../../src/core/ports';

const person = (identities: Person['identities']): Person => ({ id: 'p', name: 'P', roles: ['employee'], identities });
const message = (to: Person): OutboundMessage => ({
  idempotencyKey: 'k',
  kind: 'alert' as OutboundMessage['kind'],
  to: { kind: 'person', person: to },
  lang: 'sv',
  subject: 's',
  text: 't',
  actions: [],
});

describe('PlatformNotifier', () => {
  const sent: string[] = [];
  const notifier = new PlatformNotifier();
  notifier.add({ platform: 'slack', notifier: { deliver: async () => void sent.push('slack') }, reaches: (to) => to.kind === 'person' && !!to.person.identities.slack });
  notifier.add({ platform: 'teams', notifier: { deliver: async () => void sent.push('teams') }, reaches: (to) => to.kind === 'person' && !!to.person.identities.teams });

  beforeEach(() => sent.splice(0));

  it('uses the first platform, in order, that reaches the person', async () => {
    await notifier.deliver(message(person({ slack: 'U1', teams: 'T1' })));
    await notifier.deliver(message(person({ teams: 'T1' })));
    expect(sent).toEqual(['slack', 'teams']);
  });

  it('asks the relay to retry later when no running platform reaches the person (never drops it)', async () => {
    const err = await notifier.deliver(message(person({ email: 'a@b' }))).catch((e: unknown) => e);
    expect(isDeliveryError(err) && !err.permanent && err.retryAfterMs === UNREACHABLE_RETRY_MS).toBe(true);
    expect(sent).toEqual([]);
  });

  it('hands a message a platform cannot deliver to this person (recipientUnreachable) to the next door; else the error stands', async () => {
    const tried: string[] = [];
    const doors = new PlatformNotifier();
    const refuse = (reason: string, recipientUnreachable: boolean) => async () => {
      tried.push(reason);
      throw new DeliveryError(reason, { permanent: true, recipientUnreachable });
    };
    doors.add({ platform: 'teams', notifier: { deliver: refuse('teams_forbidden', true) }, reaches: () => true });
    doors.add({ platform: 'web', notifier: { deliver: async () => void tried.push('web') }, reaches: () => true });
    await doors.deliver(message(person({ teams: 'T1' })));
    expect(tried).toEqual(['teams_forbidden', 'web']);

    const last = new PlatformNotifier();
    last.add({ platform: 'teams', notifier: { deliver: refuse('teams_forbidden', true) }, reaches: () => true });
    await expect(last.deliver(message(person({ teams: 'T1' })))).rejects.toMatchObject({ reason: 'teams_forbidden', permanent: true });

    const other = new PlatformNotifier();
    other.add({ platform: 'slack', notifier: { deliver: refuse('invalid_auth', false) }, reaches: () => true });
    other.add({ platform: 'web', notifier: { deliver: async () => void tried.push('web-2') }, reaches: () => true });
    await expect(other.deliver(message(person({ slack: 'U1' })))).rejects.toMatchObject({ reason: 'invalid_auth' });
    expect(tried).not.toContain('web-2');
  });
});
