import type { UiLang } from '../../../core/language/lang';
import { WEB_PATHS } from '../paths';

/** Groups (or teachings) per page of each list on the content page. */
export const CONTENT_PAGE_SIZE = 20;

/** The periods offered by the page's filter, besides the default one and everything kept. */
export const SINCE_CHOICES = [7, 30, 90] as const;

/** The longest period that may be asked for by number (about a hundred years). */
const MAX_SINCE_DAYS = 36_500;

/** The page's lists, each paged on its own: unanswered questions, unhelpful answers, what was taught. */
export const PAGED_LISTS = { unanswered: 'page', unhelpful: 'upage', learned: 'lpage' } as const;
export type PagedList = keyof typeof PAGED_LISTS;

/** Which part of the review the page shows: the period (days back, or everything kept) and the page of each list. */
export interface ContentView {
  since: number | 'all';
  /** Whether `since` is the default period (then the links leave it out). */
  defaultSince: boolean;
  pages: Record<PagedList, number>;
}

/** A query value the page did not understand, shown translated above the lists; the default was used instead. */
export type ViewProblem = { kind: 'badSince'; value: string } | { kind: 'badPage'; value: string };

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '').slice(0, 40);

/** A whole number in decimal digits from 1 to max, or undefined. */
function wholeNumber(value: string, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * The view a query asks for (`since`: days or `all`; `page`, `upage`, `lpage`: 1-based), with the default period
 * (`defaultDays`) and page 1 for what is missing, and a problem for each value that is not understood (a page
 * past the end is not a problem here: the list shows its last page).
 */
export function contentViewOf(query: Record<string, unknown>, defaultDays: number): { view: ContentView; problems: ViewProblem[] } {
  const problems: ViewProblem[] = [];
  let since: number | 'all' = defaultDays;
  if (query.since !== undefined && query.since !== '') {
    const asked = query.since === 'all' ? 'all' : typeof query.since === 'string' ? wholeNumber(query.since, MAX_SINCE_DAYS) : undefined;
    if (asked === undefined) problems.push({ kind: 'badSince', value: shown(query.since) });
    else since = asked;
  }
  const pages = { unanswered: 1, unhelpful: 1, learned: 1 };
  for (const list of Object.keys(PAGED_LISTS) as PagedList[]) {
    const value = query[PAGED_LISTS[list]];
    if (value === undefined || value === '') continue;
    const page = typeof value === 'string' ? wholeNumber(value, Number.MAX_SAFE_INTEGER) : undefined;
    if (page === undefined) problems.push({ kind: 'badPage', value: shown(value) });
    else pages[list] = page;
  }
  return { view: { since, defaultSince: since === defaultDays, pages }, problems };
}

/** The query of a view (and language), with any pages changed; pages equal to 1 and the default period are left out. */
export function viewQuery(lang: UiLang, view: ContentView, pages: Partial<Record<PagedList, number>> = {}): string {
  const params = new URLSearchParams({ lang });
  if (!view.defaultSince) params.set('since', String(view.since));
  for (const list of Object.keys(PAGED_LISTS) as PagedList[]) {
    const page = pages[list] ?? view.pages[list];
    if (page > 1) params.set(PAGED_LISTS[list], String(page));
  }
  return params.toString();
}

/** The page's address for a view. */
export function viewHref(lang: UiLang, view: ContentView, pages: Partial<Record<PagedList, number>> = {}, anchor = ''): string {
  return `${WEB_PATHS.content}?${viewQuery(lang, view, pages)}${anchor ? `#${anchor}` : ''}`;
}
