/**
 * An HTTP proxy on loopback in front of a fake platform API (FakeSlackApi, FakeConnector) that fails on
 * purpose, the ways a real one does: an HTTP 500, a 429 with Retry-After, a reset connection, a request that
 * hangs. `forwarded` says whether the platform saw the request before the fault: a reset or hang after
 * forwarding is the unknown outcome (the post landed, the bot never heard), before forwarding it did not land.
 * A `plan` decides each request's fault; `hold` parks matching requests until `releaseHeld` resets them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'reset'; forwarded: boolean }
  /** No answer for `ms` (forever when absent); then the connection is reset. */
  | { kind: 'hang'; forwarded: boolean; ms?: number };

export interface ProxiedRequest {
  method: string;
  /** The path with its query, e.g. /api/chat.postMessage */
  path: string;
  body: string;
}

export interface FaultRecord {
  path: string;
  fault: Fault['kind'];
  forwarded: boolean;
}

export class FaultyProxy {
  readonly faults: FaultRecord[] = [];
  /** Requests passed through unharmed. */
  passed = 0;
  private plan: (req: ProxiedRequest) => Fault | undefined = () => undefined;
  /** Called after a forwarded request got the platform's answer, before the bot gets it. */
  private afterForward: ((req: ProxiedRequest, status: number) => Promise<void>) | undefined;
  private readonly held = new Set<http.ServerResponse>();
  private server!: http.Server;
  url = '';

  private constructor(private readonly target: string) {}

  static async start(target: string): Promise<FaultyProxy> {
    const proxy = new FaultyProxy(target.replace(/\/$/, ''));
    proxy.server = http.createServer((req, res) => void proxy.handle(req, res));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', () => resolve()));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** Decides the fault of every request from now on (undefined: pass it through). */
  setPlan(plan: (req: ProxiedRequest) => Fault | undefined): void {
    this.plan = plan;
  }

  setAfterForward(hook: ((req: ProxiedRequest, status: number) => Promise<void>) | undefined): void {
    this.afterForward = hook;
  }

  /** How many requests are being held (hang without a time limit). */
  get heldCount(): number {
    return this.held.size;
  }

  /** Resets every held connection. */
  releaseHeld(): void {
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    this.releaseHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8') };
    const fault = this.plan(request);
    if (fault) this.faults.push({ path: request.path, fault: fault.kind, forwarded: 'forwarded' in fault && fault.forwarded });
    else this.passed++;
    if (fault?.kind === 'status') return this.answer(res, fault.status, { 'Content-Type': 'text/plain' }, 'upstream failed');
    if (fault?.kind === 'rateLimited') {
      return this.answer(res, 429, { 'Retry-After': String(fault.retryAfterSeconds), 'Content-Type': 'application/json' }, JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if ((fault?.kind === 'reset' || fault?.kind === 'hang') && !fault.forwarded) return this.fail(res, fault);
    let upstream: { status: number; headers: Record<string, string>; body: string };
    try {
      upstream = await this.forward(req, request);
    } catch {
      return void res.socket?.destroy();
    }
    if (fault) return this.fail(res, fault);
    await this.afterForward?.(request, upstream.status);
    this.answer(res, upstream.status, upstream.headers, upstream.body);
  }

  private fail(res: http.ServerResponse, fault: Extract<Fault, { kind: 'reset' | 'hang' }>): void {
    if (fault.kind === 'reset') return void res.socket?.destroy();
    if (fault.ms === undefined) {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    setTimeout(() => res.socket?.destroy(), fault.ms);
  }

  private async forward(req: http.IncomingMessage, request: ProxiedRequest) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value;
    }
    const response = await fetch(`${this.target}${request.path}`, {
      method: request.method,
      headers,
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body }),
    });
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name)) out[name] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  }

  private answer(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string): void {
    res.writeHead(status, headers);
    res.end(body);
  }
}
