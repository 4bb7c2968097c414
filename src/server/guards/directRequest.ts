import type { Request, RequestHandler } from 'express';

/** Headers a reverse proxy adds; none of them may reach an endpoint meant for this computer only. */
const FORWARDING_HEADER = /^(x-forwarded-.+|forwarded|x-real-ip)$/i;

/** True for a socket peer on this computer (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return a === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(a);
}

/**
 * True when the request came straight from this computer: its socket peer is a loopback address and it
 * carries no forwarding header (X-Forwarded-*, Forwarded, X-Real-IP). A default nginx `proxy_pass` adds no
 * such header, so this alone cannot tell every proxied request from a local one: the demo adds a token.
 */
export function isDirectLocalRequest(req: Request): boolean {
  if (!isLoopbackPeer(req.socket.remoteAddress)) return false;
  return !Object.keys(req.headers).some((name) => FORWARDING_HEADER.test(name));
}

/**
 * Lets through only direct local requests (see isDirectLocalRequest); any other is answered by `refuse`
 * and never reaches the routes behind. For endpoints without authentication: the web demo, the Teams
 * endpoint with SOMEBOT_DEV=1.
 */
export function directLocalOnly(refuse: RequestHandler): RequestHandler {
  return (req, res, next) => (isDirectLocalRequest(req) ? next() : refuse(req, res, next));
}
