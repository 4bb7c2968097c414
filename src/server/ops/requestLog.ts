import type { RequestHandler } from 'express';
import type { Logger } from '../../core/logger';
import type { Metrics } from './metrics';

/**
 * Logs each finished request as `http_request` {method, route, status, ms} and counts it. The route is the
 * matched pattern (e.g. /web/api/reports/:reference), never the URL, so neither query strings nor report
 * references reach the log; bodies are never logged. Operations endpoints are counted but logged at debug.
 * At debug level the start of each request is logged too (method only).
 */
export function requestLog(logger: Logger, metrics: Metrics, quietPaths: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    logger.debug('http_request_started', { method: req.method });
    res.once('close', () => {
      const matched = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof matched === 'string' ? `${req.baseUrl}${matched}` : 'other';
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const status = res.headersSent ? res.statusCode : 499;
      metrics.countRequest(route, status);
      const fields = { method: req.method, route, status, ms };
      if (quietPaths.includes(route)) logger.debug('http_request', fields);
      else if (status >= 500) logger.warn('http_request', fields);
      else logger.info('http_request', fields);
    });
    next();
  };
}
