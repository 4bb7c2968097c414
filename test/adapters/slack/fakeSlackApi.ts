/**
 * A fake of Slack's Web API on loopback, for end-to-end tests of the Slack adapter. It answers the methods
 * the adapter calls the way Slack documents them (https://docs.slack.dev/reference/methods), records every
 * call with its arguments (as the Web API client sent them: form fields, JSON ones parsed), and records
 * what is posted to response_url. Failures can be scheduled per method: an HTTP 429 with Retry-After, or a
 * Slack error code ({ ok: false, error }).
 *
 * Messages posted with chat.postMessage are kept per channel, with their message metadata, and
 * conversations.history returns them newest first (oldest / latest / inclusive / limit / cursor; metadata
 * only with include_all_metadata), as https://docs.slack.dev/reference/methods/conversations.history
 * documents. Faults can be scheduled too: a request that hangs (no answer ever comes; `accepted` decides
 * whether Slack still took the message), a connection reset, or an HTTP 500. With `botToken` set, a call
 * with any other token gets { ok: false, error: 'invalid_auth' }.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackUser {
  id: string;
  name: string;
  /** Slack locale, e.g. "sv-SE" (users.info with include_locale). */
  locale?: string;
  /** profile.email (given with the users:read.email scope). */
  email?: string;
}

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  /** Milliseconds since the fake started. */
  at: number;
  /** The bearer token the call carried. */
  token: string | undefined;
  /** What the fake answered (for a 429: undefined). */
  result?: Record<string, any>;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, any>;
  at: number;
}

export type ScheduledFailure = (
  | { status: 429; retryAfterSeconds: number }
  | { error: string }
  /** No answer ever comes. `accepted`: the call still takes effect (a post is kept) — Slack did it, the answer was lost. */
  | { fault: 'hang'; accepted: boolean }
  /** The connection is reset. `accepted` as for a hang. */
  | { fault: 'reset'; accepted: boolean }
  /** HTTP 500 with an HTML body (Slack's edge failing), nothing done. */
  | { fault: 'http500' }
) & {
  /** Only calls whose arguments match fail (default: the next call of the method). */
  where?: (args: Record<string, any>) => boolean;
};

/** A message kept in a channel (what conversations.history returns). */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  blocks?: unknown[];
  bot_id: string;
  app_id: string;
  team: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** The bot's own identity in the fake workspace (auth.test). */
export const FAKE_BOT = { userId: 'U0SOMEBOT', botId: 'B0SOMEBOT', teamId: 'T0KYRK', appId: 'A0SOMEBOT' } as const;

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  private readonly failures = new Map<string, ScheduledFailure[]>();
  private readonly started = Date.now();
  private tsCounter = 0;
  private viewCounter = 0;
  private server!: http.Server;
  private readonly hanging = new Set<http.ServerResponse>();
  /** Messages per channel, oldest first. */
  readonly messages = new Map<string, StoredMessage[]>();
  /** When set, calls carrying another token are refused with invalid_auth. */
  botToken: string | undefined;
  /** When set, awaited before each call is answered (e.g. to stop the bot's database right after a post). */
  beforeAnswer: ((call: RecordedCall) => Promise<void>) | undefined;
  /** Public/private channels the bot is a member of (history of others: not_in_channel); DMs always readable. */
  readonly memberOf = new Set<string>();
  url = '';

  private constructor(private readonly users: Map<string, FakeSlackUser>) {}

  static async start(users: FakeSlackUser[]): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(new Map(users.map((u) => [u.id, u])));
    fake.server = http.createServer((req, res) => void fake.handle(req, res));
    // Slack keeps idle connections open far longer than Node's default 5 s (which would race the client's reuse).
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', () => resolve()));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The base URL to give the Web API client (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url served by this fake. */
  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next call(s) of `method` fail as given, in order. */
  failNext(method: string, ...failures: ScheduledFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits for a call of `method` matching `where` (default: any), or fails after `ms`. */
  async waitFor(method: string, where: (call: RecordedCall) => boolean = () => true, ms = 8000): Promise<RecordedCall> {
    return this.poll(() => this.calls.find((c) => c.method === method && where(c)), ms, `a call of ${method}`);
  }

  /** Waits for a post to response_url `id`. */
  async waitForResponse(id: string, ms = 8000): Promise<RecordedResponse> {
    return this.poll(() => this.responses.find((r) => r.id === id), ms, `a post to response_url ${id}`);
  }

  /** Messages kept in a channel carrying this idempotency key in their metadata. */
  messagesWithKey(channel: string, idempotencyKey: string): StoredMessage[] {
    return (this.messages.get(channel) ?? []).filter((m) => m.metadata?.event_payload?.idempotency_key === idempotencyKey);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async poll<T>(find: () => T | undefined, ms: number, what: string): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const at = Date.now() - this.started;
    const path = req.url ?? '';
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw || '{}'), at });
      return this.json(res, 200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const call: RecordedCall = { method, args, at, token: auth?.replace(/^Bearer /, '') };
    this.calls.push(call);
    await this.beforeAnswer?.(call);
    const failure = this.takeFailure(method, args);
    if (failure && 'status' in failure) {
      res.writeHead(429, { 'Retry-After': String(failure.retryAfterSeconds), 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure && 'fault' in failure) {
      if (failure.fault === 'http500') {
        res.writeHead(500, { 'Content-Type': 'text/html' });
        res.end('<html><body>Internal Server Error</body></html>');
        return;
      }
      if (failure.accepted) call.result = this.answer(method, args);
      if (failure.fault === 'reset') {
        req.socket.destroy();
        return;
      }
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (this.botToken !== undefined && call.token !== this.botToken) {
      call.result = { ok: false, error: 'invalid_auth' };
    } else {
      call.result = failure ? { ok: false, error: failure.error } : this.answer(method, args);
    }
    this.json(res, 200, call.result);
  }

  private takeFailure(method: string, args: Record<string, any>): ScheduledFailure | undefined {
    const queue = this.failures.get(method) ?? [];
    const index = queue.findIndex((f) => !f.where || f.where(args));
    return index >= 0 ? queue.splice(index, 1)[0] : undefined;
  }

  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://kyrkslatt.slack.com/', team: 'Kyrkslätt', user: 'somebot', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: user.id, team_id: FAKE_BOT.teamId, name: user.name, real_name: user.name, profile: { real_name: user.name, display_name: user.name, ...(user.email ? { email: user.email } : {}) }, ...(args.include_locale ? { locale: user.locale ?? 'en-US' } : {}) } };
      }
      case 'conversations.open': {
        const user = String(args.users ?? '');
        if (!this.users.has(user)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: `D${user.slice(1)}` } };
      }
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (!/^[CDGU][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
        const ts = this.nextTs();
        const metadata = validMetadata(args.metadata);
        if (metadata === 'invalid') return { ok: false, error: 'invalid_metadata_format' };
        const message: StoredMessage = {
          type: 'message',
          ts,
          text: String(args.text ?? ''),
          ...(args.blocks ? { blocks: args.blocks } : {}),
          bot_id: FAKE_BOT.botId,
          app_id: FAKE_BOT.appId,
          team: FAKE_BOT.teamId,
          ...(metadata ? { metadata } : {}),
        };
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        // Slack's answer carries the message without its metadata.
        const { metadata: _hidden, ...shown } = message;
        return { ok: true, channel, ts, message: shown };
      }
      case 'conversations.history':
        return this.history(args);
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.getPermalink':
        return { ok: true, channel: args.channel, permalink: `https://kyrkslatt.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        this.viewCounter++;
        return { ok: true, view: { ...args.view, id: args.view_id ?? `V${String(this.viewCounter).padStart(8, '0')}`, hash: `hash.${this.viewCounter}` } };
      }
      default:
        return { ok: true };
    }
  }

  /** conversations.history: newest first, within oldest/latest, `limit` per page, a cursor for the rest. */
  private history(args: Record<string, any>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    if (!/^[CDG][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    if (!channel.startsWith('D') && !this.memberOf.has(channel)) return { ok: false, error: 'not_in_channel' };
    const inclusive = args.inclusive === true || args.inclusive === 'true' || args.inclusive === 1 || args.inclusive === '1';
    const oldest = args.oldest !== undefined ? Number(args.oldest) : 0;
    const latest = args.latest !== undefined ? Number(args.latest) : Number.POSITIVE_INFINITY;
    const within = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
    const all = (this.messages.get(channel) ?? []).filter((m) => within(Number(m.ts))).reverse();
    const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
    const start = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8').replace('next_ts:', '')) : 0;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    return {
      ok: true,
      messages: page.map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest)),
      has_more: more,
      pin_count: 0,
      ...(more ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${start + limit}`).toString('base64') } } : {}),
    };
  }

  private nextTs(): string {
    this.tsCounter++;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

/** chat.postMessage `metadata`: an object with a string event_type and an object event_payload (or absent). */
function validMetadata(value: unknown): StoredMessage['metadata'] | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const m = value as { event_type?: unknown; event_payload?: unknown };
  if (typeof m !== 'object' || m === null || typeof m.event_type !== 'string' || typeof m.event_payload !== 'object' || m.event_payload === null) return 'invalid';
  return { event_type: m.event_type, event_payload: m.event_payload as Record<string, unknown> };
}

/** The Web API client posts form fields (objects as JSON text) or JSON; both become plain values here. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, any>) : {};
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // plain text that happens to start with a bracket
      }
    }
    out[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return out;
}
