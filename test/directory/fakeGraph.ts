/**
 * A fake Microsoft Graph (and Entra ID token endpoint) on loopback, over HTTP or HTTPS, answering in Graph's
 * documented shapes: the v2.0 client-credentials token, `users/{id | userPrincipalName}`, `users?$filter=mail eq`,
 * `users/{id}/manager` (404 Request_ResourceNotFound when there is none), the user listing with
 * `$expand=manager`, `groups/{id}/transitiveMembers/microsoft.graph.user` with `@odata.nextLink` paging,
 * `POST users/{id}/teamwork/installedApps`, 429 TooManyRequests with Retry-After, 503 when told it is down.
 * Every request is recorded (method, path, time).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseDirectory } from '../../src/core/directory/yamlDirectory';

export interface FakeGraphUser {
  id: string;
  displayName: string;
  jobTitle?: string;
  mail?: string;
  userPrincipalName: string;
  preferredLanguage?: string;
  managerId?: string;
}

export interface FakeGraphCall {
  method: string;
  path: string;
  at: number;
  status: number;
  body?: string;
}

export const FAKE_TENANT = '11111111-2222-3333-4444-555555555555';
export const FAKE_CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const FAKE_CLIENT_SECRET = 'fake-graph-secret';

/** A self-signed certificate for 127.0.0.1 (made with openssl in a temp dir): key, cert and the cert's path. */
export function selfSignedCertificate(): { key: string; cert: string; certFile: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile, dir };
}

/** The demo directory's people as Entra users: object id = their Teams id, UPN = mail, language as a locale. */
export function demoGraphUsers(file = path.join(__dirname, '../../content/demo-directory.yaml')): { users: FakeGraphUser[]; idOf: (personId: string) => string } {
  const { people } = parseDirectory(fs.readFileSync(file, 'utf8'), file);
  const entra = new Map(people.map((p) => [p.id, p.identities.teams!]));
  const users = people.map((p) => ({
    id: entra.get(p.id)!,
    displayName: p.name,
    ...(p.title ? { jobTitle: p.title } : {}),
    mail: p.identities.email!,
    userPrincipalName: p.identities.email!,
    ...(p.lang ? { preferredLanguage: p.lang === 'sv' ? 'sv-FI' : 'fi-FI' } : {}),
    ...(p.managerId ? { managerId: entra.get(p.managerId)! } : {}),
  }));
  return { users, idOf: (personId) => entra.get(personId)! };
}

const graphError = (code: string, message: string) => ({
  error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': 'fake-request', 'client-request-id': 'fake-client' } },
});

export class FakeGraph {
  readonly calls: FakeGraphCall[] = [];
  readonly users = new Map<string, FakeGraphUser>();
  /** Group id → member ids (users or other groups). */
  readonly groups = new Map<string, string[]>();
  /** Installed Teams apps per user id (POST teamwork/installedApps). */
  readonly installedApps = new Map<string, string[]>();
  /** Items per page of a collection. */
  pageSize = 2;
  /** Answer every call with 503 while true. */
  down = false;
  private throttles: { times: number; retryAfter: string; pathIncludes?: string }[] = [];
  private readonly tokens = new Set<string>();
  private server: http.Server | https.Server | undefined;
  url = '';

  constructor(users: FakeGraphUser[] = []) {
    for (const user of users) this.users.set(user.id, user);
  }

  async start(tls?: { key: string; cert: string }): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void this.handle(req, res);
    this.server = tls ? https.createServer(tls, handler) : http.createServer(handler);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Answers the next `times` Graph calls (whose path includes `pathIncludes`, if given) with 429 and Retry-After. */
  throttleNext(times: number, retryAfter: string, pathIncludes?: string): void {
    this.throttles.push({ times, retryAfter, ...(pathIncludes ? { pathIncludes } : {}) });
  }

  /** Recorded calls to /v1.0 whose path includes `part`. */
  graphCalls(part = ''): FakeGraphCall[] {
    return this.calls.filter((c) => c.path.startsWith('/v1.0/') && c.path.includes(part));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const call: FakeGraphCall = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname) + (url.search ? decodeURIComponent(url.search) : ''), at: Date.now(), status: 200, ...(body ? { body } : {}) };
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.calls.push(call);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };

    if (this.down) return send(503, graphError('serviceNotAvailable', 'Service unavailable'), { 'retry-after': '0' });

    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (tokenPath && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default') {
        return send(400, { error: 'invalid_request', error_description: 'AADSTS900144: bad request' });
      }
      if (tokenPath[1] !== FAKE_TENANT || form.get('client_id') !== FAKE_CLIENT_ID || form.get('client_secret') !== FAKE_CLIENT_SECRET) {
        return send(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      }
      const token = `fake-token-${this.tokens.size + 1}`;
      this.tokens.add(token);
      return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }

    if (!url.pathname.startsWith('/v1.0/')) return send(404, graphError('UnknownError', 'no such endpoint'));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !this.tokens.has(bearer)) return send(401, graphError('InvalidAuthenticationToken', 'Access token is empty.'));

    const throttle = this.throttles.find((t) => t.times > 0 && (!t.pathIncludes || call.path.includes(t.pathIncludes)));
    if (throttle) {
      throttle.times--;
      return send(429, graphError('TooManyRequests', 'Too many requests.'), { 'retry-after': throttle.retryAfter });
    }

    const parts = url.pathname.slice('/v1.0/'.length).split('/').map(decodeURIComponent);
    const select = url.searchParams.get('$select')?.split(',');
    const notFound = (what: string) =>
      send(404, graphError('Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`));

    if (parts[0] === 'users' && parts.length === 1 && req.method === 'GET') {
      const filter = url.searchParams.get('$filter');
      if (filter) {
        const mail = /^mail eq '(.*)'$/.exec(filter)?.[1]?.replace(/''/g, "'");
        if (mail === undefined) return send(400, graphError('Request_UnsupportedQuery', 'Unsupported query.'));
        const found = [...this.users.values()].filter((u) => u.mail?.toLowerCase() === mail.toLowerCase());
        return send(200, { '@odata.context': `${this.url}/v1.0/$metadata#users`, value: found.map((u) => this.userJson(u, select)) });
      }
      const expandManager = url.searchParams.get('$expand')?.startsWith('manager');
      return this.page(url, [...this.users.values()].map((u) => this.userJson(u, select, expandManager)), send, 'users');
    }
    if (parts[0] === 'users' && parts[1]) {
      const user = this.findUser(parts[1]);
      if (!user) return notFound(parts[1]);
      if (parts.length === 2 && req.method === 'GET') return send(200, { '@odata.context': `${this.url}/v1.0/$metadata#users/$entity`, ...this.userJson(user, select) });
      if (parts[2] === 'manager' && parts.length === 3) {
        const manager = user.managerId ? this.users.get(user.managerId) : undefined;
        if (!manager) return notFound('manager');
        return send(200, { '@odata.context': `${this.url}/v1.0/$metadata#directoryObjects/$entity`, '@odata.type': '#microsoft.graph.user', ...this.userJson(manager, select) });
      }
      if (parts[2] === 'teamwork' && parts[3] === 'installedApps' && req.method === 'POST') {
        const bind = (JSON.parse(body || '{}') as Record<string, unknown>)['teamsApp@odata.bind'];
        const appId = typeof bind === 'string' ? /appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
        if (!appId) return send(400, graphError('BadRequest', 'teamsApp@odata.bind is required'));
        const installed = this.installedApps.get(user.id) ?? [];
        if (installed.includes(appId)) return send(409, graphError('Conflict', 'App is already installed.'));
        this.installedApps.set(user.id, [...installed, appId]);
        return send(201, undefined);
      }
    }
    if (parts[0] === 'groups' && parts[1] && parts[2] === 'transitiveMembers') {
      if (!this.groups.has(parts[1])) return notFound(parts[1]);
      const onlyUsers = parts[3] === 'microsoft.graph.user';
      const members = this.transitive(parts[1]).flatMap((id) => {
        const user = this.users.get(id);
        if (user) return [{ '@odata.type': '#microsoft.graph.user', ...this.userJson(user, select) }];
        return onlyUsers ? [] : [{ '@odata.type': '#microsoft.graph.group', id }];
      });
      return this.page(url, members, send, 'directoryObjects');
    }
    return send(400, graphError('BadRequest', 'Unsupported request'));
  }

  private findUser(idOrUpn: string): FakeGraphUser | undefined {
    const key = idOrUpn.toLowerCase();
    return [...this.users.values()].find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
  }

  /** Members of a group and its nested groups, each once. */
  private transitive(groupId: string, seen = new Set<string>()): string[] {
    if (seen.has(groupId)) return [];
    seen.add(groupId);
    return (this.groups.get(groupId) ?? []).flatMap((id) => (this.groups.has(id) ? [id, ...this.transitive(id, seen)] : [id]));
  }

  private userJson(user: FakeGraphUser, select: string[] | undefined, expandManager = false): Record<string, unknown> {
    const full: Record<string, unknown> = {
      id: user.id,
      displayName: user.displayName,
      jobTitle: user.jobTitle ?? null,
      mail: user.mail ?? null,
      userPrincipalName: user.userPrincipalName,
      preferredLanguage: user.preferredLanguage ?? null,
    };
    const picked = select ? Object.fromEntries(Object.entries(full).filter(([k]) => select.includes(k))) : full;
    if (expandManager) {
      const manager = user.managerId ? this.users.get(user.managerId) : undefined;
      if (manager) picked.manager = { '@odata.type': '#microsoft.graph.user', id: manager.id };
    }
    return picked;
  }

  /** One page of a collection ($skiptoken = offset), with an absolute @odata.nextLink when more follow. */
  private page(url: URL, items: unknown[], send: (status: number, payload: unknown) => void, entity: string): void {
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0') || 0;
    const size = Math.min(this.pageSize, Number(url.searchParams.get('$top') ?? this.pageSize) || this.pageSize);
    const value = items.slice(offset, offset + size);
    const payload: Record<string, unknown> = { '@odata.context': `${this.url}/v1.0/$metadata#${entity}`, value };
    if (offset + size < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('$skiptoken', String(offset + size));
      payload['@odata.nextLink'] = `${this.url}${next.pathname}${next.search}`;
    }
    send(200, payload);
  }
}
