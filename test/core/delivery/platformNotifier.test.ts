import { PlatformNotifier, UNREACHABLE_RETRY_MS } from '../../../src/core/delivery/platformNotifier';
import { isDeliveryError } from '../../../src/core/delivery/deliveryError';
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
});
