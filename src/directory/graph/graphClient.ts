import { DirectorySourceError, DirectorySourceErrorCode } from '../../core/directory/directorySource';

/** Where and as whom the bot calls Microsoft Graph (client credentials of an app registration). */
export interface GraphCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra ID sign-in host, default https://login.microsoftonline.com (AZURE_AUTHORITY_HOST). */
  authorityHost: string;
  /** Graph host, default https://graph.microsoft.com (GRAPH_API_URL). */
  graphUrl: string;
}

export interface GraphClientOptions {
  /** Longest wait for one HTTP answer. */
  timeoutMs?: number;
  /** How many times a throttled (429) or unavailable (503/504) call is repeated. */
  maxRetries?: number;
  /** The most one call may wait in total for Retry-After; a longer throttle fails the call (the cache serves). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The scope of an application token for Microsoft Graph (every application permission granted). */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** One page of a Graph collection. */
interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Retry-After in milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A small Microsoft Graph client over fetch: client-credentials token (cached until five minutes before it
 * expires), GET with `@odata.nextLink` paging, 429 and 503/504 repeated after Retry-After (or 1, 2, 4 s).
 * Errors are DirectorySourceErrors carrying the HTTP status only; URLs and bodies (which hold addresses
 * and names) never go into a message.
 */
export class GraphClient {
  private token: { value: string; until: number } | undefined;
  private tokenLoading: Promise<string> | undefined;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly origin: string;

  constructor(
    private readonly credentials: GraphCredentials,
    options: GraphClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.origin = new URL(credentials.graphUrl).origin;
  }

  /** GET a Graph path (`/v1.0/users/...`); undefined on 404 (Request_ResourceNotFound). */
  async get<T>(pathAndQuery: string): Promise<T | undefined> {
    const response = await this.call('GET', `${this.origin}${pathAndQuery}`);
    if (response.status === 404) return undefined;
    return (await this.json(response)) as T;
  }

  /** POST a JSON body to a Graph path; returns the HTTP status (2xx; 409 Conflict is returned too). */
  async post(pathAndQuery: string, body: unknown): Promise<number> {
    const response = await this.call('POST', `${this.origin}${pathAndQuery}`, body, [409]);
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }

  /** Every item of a collection, following `@odata.nextLink` (only on the Graph host: the token goes with it). */
  async getAll<T>(pathAndQuery: string): Promise<T[] | undefined> {
    const items: T[] = [];
    let url: string | undefined = `${this.origin}${pathAndQuery}`;
    for (let pages = 0; url; pages++) {
      if (pages >= 1000) throw new DirectorySourceError(DirectorySourceErrorCode.Malformed, 'graph: too many pages');
      const response = await this.call('GET', url);
      if (response.status === 404) return pages === 0 ? undefined : items;
      const page = (await this.json(response)) as Page<T>;
      items.push(...(page.value ?? []));
      const next = page['@odata.nextLink'];
      if (next && new URL(next).origin !== this.origin) {
        throw new DirectorySourceError(DirectorySourceErrorCode.Malformed, 'graph: nextLink leaves the Graph host');
      }
      url = next;
    }
    return items;
  }

  private async json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new DirectorySourceError(DirectorySourceErrorCode.Malformed, 'graph: answer is not JSON', response.status);
    }
  }

  /** One call with the token, repeating 429/503/504 per Retry-After; 2xx, 404 and `accept` are returned. */
  private async call(method: string, url: string, body?: unknown, accept: number[] = []): Promise<Response> {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url, {
        method,
        headers: {
          authorization: `Bearer ${await this.accessToken()}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (response.ok || response.status === 404 || accept.includes(response.status)) return response;
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 401) this.token = undefined;
      if (response.status === 401 || response.status === 403) {
        throw new DirectorySourceError(DirectorySourceErrorCode.Refused, `graph: ${method} refused`, response.status);
      }
      const retryable = response.status === 429 || response.status === 503 || response.status === 504;
      const wait = retryAfterMs(response.headers.get('retry-after'), this.now()) ?? 1000 * 2 ** attempt;
      if (!retryable || attempt >= this.maxRetries || waited + wait > this.maxWaitMs) {
        throw new DirectorySourceError(DirectorySourceErrorCode.Unavailable, `graph: ${method} failed`, response.status);
      }
      waited += wait;
      await this.sleep(wait);
    }
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      throw new DirectorySourceError(DirectorySourceErrorCode.Unavailable, 'graph: no answer');
    }
  }

  /** A client-credentials token for Graph, from the token endpoint of the tenant. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > this.now()) return this.token.value;
    this.tokenLoading ??= this.fetchToken().finally(() => (this.tokenLoading = undefined));
    return this.tokenLoading;
  }

  private async fetchToken(): Promise<string> {
    const { authorityHost, tenantId, clientId, clientSecret } = this.credentials;
    const url = `${new URL(authorityHost).origin}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope: GRAPH_SCOPE, grant_type: 'client_credentials' });
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      if (response.ok) {
        const answer = (await this.json(response)) as { access_token?: unknown; expires_in?: unknown };
        if (typeof answer.access_token !== 'string') throw new DirectorySourceError(DirectorySourceErrorCode.Malformed, 'graph: token answer without access_token');
        const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600) * 1000;
        this.token = { value: answer.access_token, until: this.now() + Math.max(lifetimeMs - 5 * 60_000, lifetimeMs / 2) };
        return answer.access_token;
      }
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new DirectorySourceError(DirectorySourceErrorCode.Refused, 'graph: token refused', response.status);
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= this.maxRetries) throw new DirectorySourceError(DirectorySourceErrorCode.Unavailable, 'graph: no token', response.status);
      await this.sleep(retryAfterMs(response.headers.get('retry-after'), this.now()) ?? 1000 * 2 ** attempt);
    }
  }
}
