import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { UiLang } from '../../core/language/lang';
import { uiLangOf } from './identity';
import { WebError, WebErrorCode, webErrorMessage } from './webErrors';

/** The header the demo page sends its token in. */
export const DEMO_TOKEN_HEADER = 'x-somebot-demo-token';
/** The query parameter that carries it where a header cannot be sent (the event stream) and in the printed address. */
export const DEMO_TOKEN_PARAM = 'token';

/** SOMEBOT_DEMO_TOKEN when set, otherwise a new random token (192 bits) for this run. */
export function demoTokenFor(configured: string | undefined): string {
  return configured ?? randomBytes(24).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares in constant time (both sides hashed, so lengths never differ). */
export function isDemoToken(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

function tokenOf(req: Request): string | undefined {
  const header = req.get(DEMO_TOKEN_HEADER);
  if (header) return header;
  // EventSource cannot send headers: the event stream alone may carry the token in its address.
  if (req.method === 'GET' && req.path === '/events') {
    const query = (req.query as Record<string, unknown>)[DEMO_TOKEN_PARAM];
    if (typeof query === 'string') return query;
  }
  return undefined;
}

/**
 * Every API request of the demo must carry its token (as Jupyter's notebook server does): a reverse proxy
 * in front of a loopback HOST cannot be told from a local browser by headers alone, the token can. Without
 * the right token: 401 with a translated sentence, and nothing is read or changed.
 */
export function requireDemoToken(token: string, defaultLang: UiLang): RequestHandler {
  return (req, res, next) => {
    if (isDemoToken(tokenOf(req), token)) return next();
    const err = new WebError(WebErrorCode.DemoToken);
    res.status(err.status).json({ error: webErrorMessage(err, uiLangOf(req, defaultLang)) });
  };
}
