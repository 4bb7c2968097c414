import type { Express } from 'express';
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
}

/**
 * GET /healthz: the process is alive (always 200 while it can answer at all).
 * GET /readyz: 200 {ready:true, checks} when it can serve; 503 with the failing checks otherwise.
 * GET /metrics: Prometheus text; the store's totals are left out (somebot_store_up 0) when it cannot be read.
 */
export function mountOperations(app: Express, deps: OperationsDeps): void {
  app.get(OPS_PATHS.health, (_req, res) => {
    res.json({ alive: true });
  });

  app.get(OPS_PATHS.ready, async (_req, res) => {
    const readiness = await checkReadiness(deps);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });

  app.get(OPS_PATHS.metrics, async (_req, res) => {
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
