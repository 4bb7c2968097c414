/**
 * Operations endpoints and logs of a real server: /healthz, /readyz, /metrics in Prometheus format after real
 * questions and a real report, JSON logs without report text, and a graceful stop that finishes a report
 * submission in flight.
 */
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/storage/openStore';
import {
  eventually,
  harassmentUntilConfirm,
  referenceIn,
  startTestServer,
  webClient,
  TEST_DEMO_TOKEN,
  type TestServer,
} from './testServer';

describe('operations endpoints', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);

  afterAll(async () => {
    await server?.dispose();
  });

  it('GET /healthz says alive; GET /readyz is ready with every check ok', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ alive: true });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: 'ok', index: 'ok', relay: 'ok', accepting: 'ok' } });
  });

  it('GET /metrics counts answers, the no-answer rate, reports by category, the outbox and delivery latency', async () => {
    const mikko = webClient(server.url, 'mikko.laine');
    await mikko.post('/messages', { text: 'Får jag använda min privata Facebook för att svara på kommentarer?' });
    await mikko.post('/messages', { text: 'Vad serveras i personalmatsalen på fredag?' });
    await harassmentUntilConfirm(server.url, 'anna.lindqvist');
    const done = await webClient(server.url, 'anna.lindqvist').post('/messages', { choice: 'confirm' });
    expect(referenceIn(done.body.replies.map((r: { html: string }) => r.html).join(''))).toBeDefined();

    const text = await eventually(async () => {
      const res = await fetch(`${server.url}/metrics`);
      const body = await res.text();
      expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      return /somebot_outbox_depth 0\n/.test(body) && /somebot_delivery_latency_seconds_count [1-9]/.test(body) ? body : undefined;
    }, 10_000, 'the alert to be delivered');
    expect(text).toContain('somebot_answers_total{lang="sv",outcome="answered"} 1');
    expect(text).toContain('somebot_answers_total{lang="sv",outcome="no_answer"} 1');
    expect(text).toContain('somebot_no_answer_ratio 0.5');
    expect(text).toContain('somebot_reports_total{category="harassment"} 1');
    expect(text).toContain('somebot_reports{category="harassment",status="submitted"} 1');
    expect(text).toContain('somebot_store_up 1');
    expect(text).toContain('somebot_escalations_total{level="reminder"} 0');
    expect(text).toContain('somebot_feedback_total{verdict="helpful"} 0');
    expect(text).toMatch(/somebot_delivery_latency_seconds_bucket\{le="\+Inf"\} [1-9]/);
    expect(text).toMatch(/# TYPE somebot_delivery_latency_seconds histogram/);
    // Every sample line is `name{labels} number`.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+-]+$|^[a-z_]+\{le="\+Inf"\} [0-9]+$/);
    }
  });

  it('logs JSON lines with the route pattern, never report text or references in URLs', async () => {
    await harassmentUntilConfirm(server.url, 'mikko.laine');
    const done = await webClient(server.url, 'mikko.laine').post('/messages', { choice: 'confirm' });
    const reference = referenceIn(done.body.replies.map((r: { html: string }) => r.html).join(''))!;
    await webClient(server.url, 'mikko.laine').get(`/reports/${reference}`);
    const lines = server.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'string' && typeof l.event === 'string')).toBe(true);
    const requests = lines.filter((l) => l.event === 'http_request');
    expect(requests.some((l) => l.route === '/web/api/reports/:reference' && l.status === 200)).toBe(true);
    const all = server.logLines.join('\n');
    expect(all).not.toContain('SECRET-DIALOG-TEXT');
    expect(all).not.toContain(`/web/api/reports/${reference}`);
  });
});

describe('graceful stop', () => {
  it('refuses new work, ends event streams, finishes the report submission in flight, then stops the relay and the store', async () => {
    const server = await startTestServer({ env: {} });
    try {
      await harassmentUntilConfirm(server.url, 'anna.lindqvist');
      // An open page: its event stream must not keep the server from stopping.
      const stream = await fetch(`${server.url}/web/api/events?person=karin.nystrom&token=${TEST_DEMO_TOKEN}`);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const streamEnded = stream.text();
      // Hold the confirmation inside the conversation until the stop has begun.
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const handle = server.bot.conversation.handle.bind(server.bot.conversation);
      server.bot.conversation.handle = async (message) => {
        entered();
        await gate;
        return handle(message);
      };
      const confirming = webClient(server.url, 'anna.lindqvist').post('/messages', { choice: 'confirm' });
      await inside;
      const closing = server.running.close();
      await streamEnded;
      // Readiness turns false at once (a load balancer stops sending traffic here).
      await expect(fetch(`${server.url}/readyz`).then((r) => r.status)).rejects.toThrow();
      release();
      const response = await confirming;
      await closing;
      expect(response.status).toBe(200);
      const reference = referenceIn(response.body.replies.map((r: { html: string }) => r.html).join(''));
      expect(reference).toBeDefined();

      // After the stop: the report and its alert are in the store (reopened, as after a restart).
      const store = await openStore(loadConfig({ SOMEBOT_DATA_DIR: server.dataDir }));
      try {
        const report = await store.getReport(reference!);
        expect(report?.category).toBe('harassment');
        expect((await store.outboxFor(reference!)).length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
      const events = server.logLines.map((l) => (JSON.parse(l) as { event: string }).event);
      expect(events.indexOf('relay_stopped')).toBeGreaterThan(events.indexOf('server_stopping'));
      expect(events.at(-1)).toBe('server_stopped');
    } finally {
      await server.dispose();
    }
  }, 60_000);
});
