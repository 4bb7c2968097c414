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
  console.log(`FAULTS exactly once, ${name}: ${references.length} reports, ${posts} Slack posts, ${found} found by lookup and ${journaled} journaled (all cases so far), mismatches ${JSON.stringify(mismatches)}, settled in ${Date.now() - started} ms`);
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

/**
 * Stops PostgreSQL (immediate, as on a crash) right after Slack accepted the first post, before the bot hears
 * Slack's answer, and starts it again `downMs` later. Resolves with the receipts once it is back.
 */
async function submitWithDatabaseLostAfterPost(variant: string, downMs: number): Promise<string[]> {
  let dropped = false;
  let resumed = false;
  cluster.slackProxy.setAfterForward(async (req) => {
    if (dropped || !req.path.includes('chat.postMessage')) return;
    dropped = true;
    await cluster.pg.stop('immediate');
    setTimeout(() => void cluster.pg.resume().then(() => (resumed = true)), downMs);
  });
  const references = await submitAll(variant);
  await waitFor(async () => dropped, 30_000, 'the drop');
  await waitFor(async () => resumed, downMs + 60_000, 'PostgreSQL back');
  return references;
}

test('PostgreSQL lost right after a successful post (down for longer than the store retries): the alert is not posted again', async () => {
  // 15 s: longer than the store's own retries (10 s), shorter than the lease (30 s): the process that posted
  // records the delivery itself once the database is back.
  await expectExactlyOnce('PostgreSQL lost after the post, 15 s', await submitWithDatabaseLostAfterPost('dropped', 15_000));
});

test('PostgreSQL lost right after a successful post for longer than the lease: whoever takes the row finds the post, nothing is posted again', async () => {
  // 40 s: the lease (30 s) runs out while the database is away, so when it is back either process may claim
  // the row (its attempt mark says the outcome is unknown: it is looked up in the history first) while the
  // process that posted still tries to record it (then journals it).
  await expectExactlyOnce('PostgreSQL lost after the post, 40 s', await submitWithDatabaseLostAfterPost('dropped-long', 40_000));
});
