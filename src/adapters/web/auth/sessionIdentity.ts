import type { Request, RequestHandler } from 'express';
import type { Directory, Person } from '../../../core/ports';
import type { UiLang } from '../../../core/language/lang';
import type { WebIdentity } from '../identity';
import { uiLangOf } from '../identity';
import { WebError, WebErrorCode, webErrorMessage } from '../webErrors';
import { SESSION_COOKIE, type WebSessions } from './webSessions';

/** The session id from the signed cookie (cookie-parser puts verified values in req.signedCookies). */
export function sessionIdOf(req: Request): string | undefined {
  const value = (req.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The console's identity with sign-in: the person of the request's session. `authenticate` runs before
 * every API route: without a live session (or when its person left the directory) the answer is 401 and no
 * route runs. A person header or parameter is never read.
 */
export class SessionIdentity implements WebIdentity {
  readonly picker = false;
  private readonly people = new WeakMap<Request, Person>();

  constructor(private readonly deps: { sessions: WebSessions; directory: Directory; defaultLang: UiLang; admins: string[] }) {}

  isAdmin(personId: string): boolean {
    return this.deps.admins.includes(personId);
  }

  /** The signed-in person of a request, or undefined (for the page, which then offers to sign in). */
  async current(req: Request): Promise<Person | undefined> {
    const session = await this.deps.sessions.resolve(sessionIdOf(req));
    return session ? this.deps.directory.person(session.personId) : undefined;
  }

  readonly authenticate: RequestHandler = async (req, res, next) => {
    try {
      const person = await this.current(req);
      if (person) {
        this.people.set(req, person);
        return next();
      }
      const err = new WebError(WebErrorCode.NoSession);
      res.status(err.status).json({ error: webErrorMessage(err, uiLangOf(req, this.deps.defaultLang)) });
    } catch (err) {
      next(err);
    }
  };

  async personOf(req: Request): Promise<Person> {
    const person = this.people.get(req);
    if (!person) throw new WebError(WebErrorCode.NoSession);
    return person;
  }
}
