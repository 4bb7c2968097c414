/**
 * /readyz follows the store: a real server on real PostgreSQL reached through a TCP proxy that the test cuts
 * and restores (the database "goes away" and "comes back"). Runs when TEST_DATABASE_URL is set (.ci/run
 * sets it). The timeout rule of the check itself is tested without a database.
 */
import net from 'node:net';
import { Pool } from 'pg';
import { checkReadiness } from '../../src/server/ops/readiness';
import { freshSchemaName, TEST_DATABASE_URL } from '../helpers/db';
import { eventually, startTestServer, type TestServer } from './testServer';

/** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, then accept again. */
class CuttableProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** The database becomes unreachable: open connections are dropped, new ones refused. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server?.listening) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

const withPostgres = TEST_DATABASE_URL ? describe : describe.skip;

withPostgres('/readyz with PostgreSQL going away and coming back', () => {
  const schema = freshSchemaName();
  const target = new URL(TEST_DATABASE_URL ?? 'postgres://localhost:5432/x');
  const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  let server: TestServer | undefined;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });

  beforeAll(async () => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await proxy.open();
    const url = new URL(TEST_DATABASE_URL!);
    url.host = `127.0.0.1:${proxy.port}`;
    url.searchParams.set('options', `-c search_path=${schema}`);
    server = await startTestServer({ env: { DATABASE_URL: url.toString() } });
  }, 60_000);

  afterAll(async () => {
    await server?.dispose();
    await proxy.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('is ready, turns unready while the store is unreachable, and ready again when it returns', async () => {
    const readyz = async () => {
      const res = await fetch(`${server!.url}/readyz`);
      return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, string> } };
    };
    expect((await readyz()).status).toBe(200);

    await proxy.cut();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ ready: false, checks: { store: 'failing', index: 'ok', relay: 'ok', accepting: 'ok' } });
    // Liveness and metrics still answer (metrics without the store's figures).
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${server!.url}/metrics`)).text();
    expect(metrics).toContain('somebot_store_up 0');

    await proxy.open();
    await eventually(async () => (await readyz()).status === 200, 10_000, 'ready again');
    expect((await readyz()).body.ready).toBe(true);
  }, 60_000);
});

describe('checkReadiness', () => {
  const base = { indexPassages: () => 10, relayRunning: () => true, accepting: () => true, storeTimeoutMs: 100 };

  it('counts a store that does not answer in time as failing', async () => {
    const hanging = { ping: () => new Promise<void>(() => undefined) };
    const started = Date.now();
    const result = await checkReadiness({ ...base, store: hanging });
    expect(result.ready).toBe(false);
    expect(result.checks.store).toBe('failing');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is unready without an index, without a relay or while stopping', async () => {
    const store = { ping: async () => undefined };
    expect((await checkReadiness({ ...base, store })).ready).toBe(true);
    expect((await checkReadiness({ ...base, store, indexPassages: () => 0 })).checks.index).toBe('failing');
    expect((await checkReadiness({ ...base, store, relayRunning: () => false })).checks.relay).toBe('failing');
    expect((await checkReadiness({ ...base, store, accepting: () => false })).ready).toBe(false);
  });
});

describe('a server with no channel that can deliver', () => {
  it('is ready, and leaves the relay off: alerts wait in the outbox for a server that can deliver them', async () => {
    const server = await startTestServer({ modules: [] });
    try {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ready: true, checks: { relay: 'ok' } });
      const events = server.logLines.map((l) => (JSON.parse(l) as { event: string }).event);
      expect(events).toContain('server_started');
      expect(events).not.toContain('relay_started');
      // Without the web channel there is no page either.
      expect((await fetch(`${server.url}/`)).status).toBe(404);
    } finally {
      await server.dispose();
    }
  }, 60_000);
});
