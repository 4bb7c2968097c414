import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UiLang } from '../../core/language/lang';
import { uiLangOf } from './identity';
import { isLoopbackHost } from './loopback';
import { WebError, WebErrorCode, webErrorMessage } from './webErrors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostnameOf(hostHeader: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader) ?? /^([^:]+)(?::\d+)?$/.exec(hostHeader);
  return (m?.[1] ?? hostHeader).toLowerCase();
}

/** The host[:port] of an Origin header ('null' and garbage give ''). */
function originHost(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Keeps other web sites out of the demo chat, which has no login:
 * - on a loopback HOST, the Host header must name a loopback address (stops DNS rebinding);
 * - a state-changing request must come from this page: Origin (when sent) equal to this host (with
 *   sign-in: to the public URL's origin), and
 *   Sec-Fetch-Site (when sent) same-origin. Cross-site form posts and scripted requests are refused.
 * Security headers: a strict Content-Security-Policy (no inline script), no framing, no referrer. Forms post
 * only to this server; `formRedirects` names the other origins a form's answer may redirect to (CSP
 * form-action covers redirects: the sign-out form's answer sends the browser to the provider). It may answer
 * later (the provider's end-session origin is known only after discovery); the request waits for it.
 */
export function requestGuard(options: {
  loopbackOnly: boolean;
  defaultLang: UiLang;
  expectedOrigin?: string;
  formRedirects?: () => readonly string[] | Promise<readonly string[]>;
}): RequestHandler {
  return (req, res, next) => {
    const redirects = options.formRedirects?.() ?? [];
    if (Array.isArray(redirects)) return guard(req, res, next, redirects as readonly string[]);
    void Promise.resolve(redirects).then(
      (origins) => guard(req, res, next, origins),
      () => guard(req, res, next, []),
    );
  };

  function guard(req: Request, res: Response, next: NextFunction, redirects: readonly string[]): void {
    const formAction = ["'self'", ...redirects].join(' ');
    res.set({
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action ${formAction}`,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    const host = req.get('host') ?? '';
    let refused = options.loopbackOnly && !isLoopbackHost(hostnameOf(host));
    if (!refused && !SAFE_METHODS.has(req.method)) {
      const origin = req.get('origin');
      const site = req.get('sec-fetch-site');
      // A form post from a page with Referrer-Policy no-referrer carries `Origin: null`: then only a
      // same-origin Sec-Fetch-Site lets it through.
      if (origin === 'null') {
        if (site !== 'same-origin') refused = true;
      } else if (origin !== undefined && options.expectedOrigin !== undefined) {
        // Behind a reverse proxy the Host header may be the proxy's upstream: compare with the public origin.
        if (origin.toLowerCase() !== options.expectedOrigin.toLowerCase()) refused = true;
      } else if (origin !== undefined && originHost(origin) !== host.toLowerCase()) refused = true;
      if (site !== undefined && site !== 'same-origin' && site !== 'none') refused = true;
    }
    if (!refused) return next();
    const err = new WebError(WebErrorCode.ForeignOrigin);
    res.status(err.status).json({ error: webErrorMessage(err, uiLangOf(req, options.defaultLang)) });
  }
}
