/**
 * Exactly once when the outcome of a post is unknown: Slack accepted the post but the bot never heard
 * (a hung answer, a connection reset after Slack saw the request), or the database went away right after a
 * successful post so the delivery could not be recorded. Two `somebot start` processes on one PostgreSQL;
 * each case checks that every recipient was told exactly once (the posts that reached the fake Slack equal
 * the outbox rows delivered) and that both processes still run.
 *
 * These cases need the delivery path to find out before posting again (message metadata + a
 * conversations.history lookup, a local journal of deliveries not yet recorded); without that, each of them
 * posts some alerts twice.
 */
import { BotCluster, confirmUntilReceipt, deliveryMismatches, describeState, untilConfirm, waitFor } from './cluster';

jest.setTimeout(300_000);

const REPORTERS = ['anna.lindqvist', 'helena.aaltonen'];

let cluster: BotCluster;

beforeAll(async () => {
  cluster = await BotCluster.start({ processes: 2 });
});

afterAll(async () => {
  await cluster?.stop();
});

afterEach(() => {
  cluster.slackProxy.setPlan(() => undefined);
  cluster.slackProxy.setAfterForward(undefined);
});

async function submitAll(variant: string): Promise<string[]> {
  const attempts: { person: string }[] = [];
  await Promise.all(REPORTERS.map((person, i) => untilConfirm(cluster.bots[i % 2]!.url, person, variant)));
  return Promise.all(REPORTERS.map((person, i) => confirmUntilReceipt(cluster, cluster.bots[i % 2]!.url, person, attempts)));
}

const pending = async () => (await cluster.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'"))[0]!.n;

async function expectExactlyOnce(name: string, references: string[]): Promise<void> {
  const started = Date.now();
  await waitFor(async () => (await pending()) === 0, 150_000, 'every alert delivered', () => describeState(cluster));
  // A late duplicate (a retry after the lease) would come within a lease; the relay's timings are short.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(cluster.bots.map((b) => b.exit)).toEqual(cluster.bots.map(() => undefined));
  // Every receipt is a stored report with its alerts (a commit the server acknowledged is not lost).
  const stored = await cluster.query<{ reference: string; rows: number }>(
    'SELECT r.reference, (SELECT count(*)::int FROM outbox o WHERE o.reference = r.reference) AS rows FROM reports r WHERE r.reference = ANY($1)',
    [references],
  );
  expect(stored.map((r) => r.reference).sort()).toEqual([...references].sort());
  expect(stored.filter((r) => r.rows === 0)).toEqual([]);
  const mismatches = await deliveryMismatches(cluster, references);
  const found = cluster.bots.reduce((n, b) => n + (b.log().match(/"event":"outbox_found_delivered"/g)?.length ?? 0), 0);
  const journaled = cluster.bots.reduce((n, b) => n + (b.log().match(/"event":"outbox_delivery_journaled"/g)?.length ?? 0), 0);
  const posts = cluster.slack.callsTo('chat.postMessage').filter((c) => c.result?.ok).length;
  console.log(`FAULTS exactly once, ${name}: ${references.length} reports, ${posts} Slack posts so far, ${found} found by lookup, ${journaled} journaled, mismatches ${JSON.stringify(mismatches)}, settled in ${Date.now() - started} ms`);
  expect(mismatches).toEqual([]);
}

test('a post Slack accepted but whose answer never came (longer than the delivery timeout) is not posted again', async () => {
  let hung = 0;
  cluster.slackProxy.setPlan((req) => (req.path.includes('chat.postMessage') && hung++ < 2 ? { kind: 'hang', forwarded: true, ms: 20_000 } : undefined));
  await expectExactlyOnce('hung answer', await submitAll('hung'));
});

test('a post Slack accepted whose connection was reset before the answer is not posted again', async () => {
  let reset = 0;
  cluster.slackProxy.setPlan((req) => (req.path.includes('chat.postMessage') && reset++ < 2 ? { kind: 'reset', forwarded: true } : undefined));
  await expectExactlyOnce('reset after Slack saw it', await submitAll('reset'));
});

test('PostgreSQL lost right after a successful post (down for longer than the store retries): the alert is not posted again', async () => {
  let dropped = false;
  cluster.slackProxy.setAfterForward(async (req) => {
    if (dropped || !req.path.includes('chat.postMessage')) return;
    dropped = true;
    // The answer reaches the bot only once the database is gone; it comes back 15 s later.
    await cluster.pg.stop('immediate');
    setTimeout(() => void cluster.pg.resume(), 15_000);
  });
  const references = await submitAll('dropped');
  await waitFor(async () => dropped, 30_000, 'the drop');
  await new Promise((r) => setTimeout(r, 16_000));
  await expectExactlyOnce('PostgreSQL lost after the post', references);
});
