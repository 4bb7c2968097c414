import type { Request } from 'express';
import type { Directory, Person } from '../../core/ports';
import { isUiLang, type UiLang } from '../../core/language/lang';
import { WebError, WebErrorCode } from './webErrors';

/** Who the page acts as: the directory id picked on the page (web identity = directory id). */
export const PERSON_HEADER = 'x-somebot-person';
/** The page's interface language. */
export const LANG_HEADER = 'x-somebot-lang';

function param(req: Request, header: string, query: string): string | undefined {
  const fromHeader = req.get(header);
  if (fromHeader) return fromHeader;
  const fromQuery = (req.query as Record<string, unknown>)[query];
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

/**
 * Who a request of the web console acts as. The demo takes the person picked on the page; the console
 * with sign-in takes the session's person and ignores any person header.
 */
export interface WebIdentity {
  /** The person the request acts as; throws a WebError (401/403) when there is none. */
  personOf(req: Request): Promise<Person>;
  /** Whether the page offers the person picker (the demo) or shows who signed in. */
  readonly picker: boolean;
  /** Whether this person is an administrator of the console (exports every report). Never in the demo. */
  isAdmin(personId: string): boolean;
}

/**
 * The demo's identity: the person picked on the page (header X-Somebot-Person, or `?person=` for the event
 * stream, which cannot send headers). There is no login: this is the demo's premise, and why it runs only
 * for direct requests on this computer that carry the demo's token.
 */
export function pickedIdentity(directory: Directory): WebIdentity {
  return { picker: true, personOf: (req) => personOf(req, directory), isAdmin: () => false };
}

export async function personOf(req: Request, directory: Directory): Promise<Person> {
  const id = param(req, PERSON_HEADER, 'person')?.trim();
  if (!id) throw new WebError(WebErrorCode.NoPerson);
  const person = await directory.findByIdentity('web', id.slice(0, 200));
  if (!person) throw new WebError(WebErrorCode.UnknownPerson);
  return person;
}

/** The page's interface language (X-Somebot-Lang or `?lang=`), else `fallback`. */
export function uiLangOf(req: Request, fallback: UiLang): UiLang {
  const lang = param(req, LANG_HEADER, 'lang');
  return isUiLang(lang) ? lang : fallback;
}
