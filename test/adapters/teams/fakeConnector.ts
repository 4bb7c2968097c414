/**
 * A fake Bot Connector service on loopback: what Teams runs at an activity's `serviceUrl`. It implements the
 * v3 conversation endpoints the bot uses (send, reply, update, create: POST /v3/conversations), records every
 * call with its activity, and can be told to fail the next calls, of one kind or any (403, 404, 429 with
 * Retry-After, 500).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'create' | 'delete' | 'other';
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path (reply: the activity replied to; update: the activity replaced). */
  activityId?: string;
  /** The request body (an activity, or conversation parameters). */
  body: Record<string, unknown>;
  authorization?: string;
  /** The HTTP status the fake answered. */
  status: number;
  /** The id the fake gave a new activity. */
  newId?: string;
}

interface Failure {
  /** HTTP status to answer; 0 = answer normally but only after `delayMs`. */
  status: number;
  delayMs?: number;
  retryAfter?: string;
  times: number;
  conversationId?: string;
  /** Only calls of this kind (e.g. 'create': POST /v3/conversations). */
  kind?: ConnectorCall['kind'];
}

export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server: http.Server | undefined;
  private failures: Failure[] = [];
  private counter = 0;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  /** When set, awaited before each call is answered (e.g. to stop the bot's database right after a send). */
  beforeAnswer: ((call: ConnectorCall) => Promise<void>) | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Answers the next `times` calls (to one conversation, or any) with `status` instead of success. */
  failNext(status: number, options: { times?: number; retryAfter?: string; conversationId?: string; kind?: ConnectorCall['kind'] } = {}): void {
    this.failures.push({
      status,
      times: options.times ?? 1,
      ...(options.retryAfter ? { retryAfter: options.retryAfter } : {}),
      ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
    });
  }

  /** Answers the next call (to one conversation, or any) normally, but only after `ms`. */
  delayNext(ms: number, options: { conversationId?: string } = {}): void {
    this.failures.push({ status: 0, delayMs: ms, times: 1, ...(options.conversationId ? { conversationId: options.conversationId } : {}) });
  }

  /** Successful calls that post or change something in a conversation. */
  to(conversationId: string, kinds: ConnectorCall['kind'][] = ['send', 'reply', 'update']): ConnectorCall[] {
    return this.calls.filter((c) => c.conversationId === conversationId && c.status < 300 && kinds.includes(c.kind));
  }

  /** Resolves when `test` holds (checked after each call), or rejects after `ms`. */
  waitFor(test: () => boolean, ms = 5000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('FakeConnector.waitFor timed out')), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.failures = [];
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? '').replace(/\/{2,}/g, '/');
    const match = /^\/v3\/conversations(?:\/([^/]+)(?:\/activities(?:\/([^/?]+))?)?)?/.exec(path);
    const conversationId = match?.[1] ? decodeURIComponent(match[1]) : '';
    const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const method = req.method ?? 'GET';
    let kind: ConnectorCall['kind'] = 'other';
    if (match && !match[1] && method === 'POST') kind = 'create';
    else if (method === 'POST' && activityId) kind = 'reply';
    else if (method === 'POST') kind = 'send';
    else if (method === 'PUT') kind = 'update';
    else if (method === 'DELETE') kind = 'delete';

    const call: ConnectorCall = { kind, method, path, conversationId, body, status: 200, ...(activityId ? { activityId } : {}) };
    if (typeof req.headers.authorization === 'string') call.authorization = req.headers.authorization;

    await this.beforeAnswer?.(call);
    const failure = this.failures.find((f) => f.times > 0 && (!f.conversationId || f.conversationId === conversationId) && (!f.kind || f.kind === kind));
    if (failure && failure.status === 0) {
      failure.times--;
      await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    } else if (failure) {
      failure.times--;
      call.status = failure.status;
      this.record(call);
      res.writeHead(failure.status, { 'content-type': 'application/json', ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}) });
      res.end(JSON.stringify({ error: { code: 'Fake', message: `status ${failure.status}` } }));
      return;
    }
    let answer: Record<string, unknown> = {};
    if (kind === 'send' || kind === 'reply') {
      call.newId = `1700000000${String(++this.counter).padStart(3, '0')}`;
      answer = { id: call.newId };
    } else if (kind === 'update') {
      answer = { id: activityId };
    } else if (kind === 'create') {
      answer = { id: `a:created-${++this.counter}`, activityId: `1700000000${String(this.counter).padStart(3, '0')}` };
    }
    this.record(call);
    res.writeHead(kind === 'create' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}

/** The text of everything in a posted activity: its text plus every TextBlock, fact and button of its cards. */
export function activityText(activity: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') parts.push(n.text);
    if (typeof n.title === 'string' && n.type === 'Action.Submit') parts.push(n.title);
    if (n.type === 'FactSet' && Array.isArray(n.facts)) for (const f of n.facts as { title: string; value: string }[]) parts.push(`${f.title}: ${f.value}`);
    if (typeof n.label === 'string') parts.push(n.label);
    for (const value of Object.values(n)) if (value && typeof value === 'object') walk(value);
  };
  if (typeof activity.text === 'string') parts.push(activity.text);
  walk(activity.attachments);
  return parts.join('\n');
}

/** The Action.Submit buttons of a posted activity's cards. */
export function cardButtons(activity: Record<string, unknown>): { title: string; data: Record<string, unknown> }[] {
  const out: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit') out.push({ title: String(n.title), data: (n.data ?? {}) as Record<string, unknown> });
    for (const value of Object.values(n)) if (value && typeof value === 'object') walk(value);
  };
  walk(activity.attachments);
  return out;
}

/** The inputs (id → element) of a posted activity's cards. */
export function cardInputs(activity: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') out.set(n.id, n);
    for (const value of Object.values(n)) if (value && typeof value === 'object') walk(value);
  };
  walk(activity.attachments);
  return out;
}
