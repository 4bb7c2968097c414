import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import type { OperationsFigures, Store } from '../../core/ports';
import type { Logger } from '../../core/logger';
import { errorFields } from '../../core/logger';
import { PROMETHEUS_CONTENT_TYPE, type Metrics } from './metrics';
import { checkReadiness, type ReadinessSources } from './readiness';

/** Paths of the operations endpoints, declared once. */
export const OPS_PATHS = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

export interface OperationsDeps extends ReadinessSources {
  store: Pick<Store, 'ping' | 'operationsFigures'>;
  metrics: Metrics;
  logger: Logger;
  /** When set, GET /metrics answers only requests with `Authorization: Bearer <metricsToken>` (401 otherwise). */
  metricsToken?: string;
}

/** Whether the request carries the bearer token (compared in constant time). */
export function hasBearerToken(req: Pick<Request, 'headers'>, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * GET /healthz: the process is alive (always 200 while it can answer at all).
 * GET /readyz: 200 {ready:true, checks} when it can serve; 503 with the failing checks otherwise.
 * GET /metrics: Prometheus text; the store's totals are left out (somebot_store_up 0) when it cannot be read.
 * With a metrics token, a request without it gets 401 and a `WWW-Authenticate: Bearer` header.
 */
export function mountOperations(app: Express, deps: OperationsDeps): void {
  app.get(OPS_PATHS.health, (_req, res) => {
    res.json({ alive: true });
  });

  app.get(OPS_PATHS.ready, async (_req, res) => {
    const readiness = await checkReadiness(deps);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });

  app.get(OPS_PATHS.metrics, async (req, res) => {
    if (deps.metricsToken !== undefined && !hasBearerToken(req, deps.metricsToken)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('401 Unauthorized\n');
      return;
    }
    let figures: OperationsFigures | undefined;
    try {
      figures = await withTimeout(deps.store.operationsFigures(), deps.storeTimeoutMs);
    } catch (err) {
      deps.logger.warn('metrics_store_unavailable', errorFields(err));
    }
    res.type(PROMETHEUS_CONTENT_TYPE).send(deps.metrics.render(figures));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('store timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
