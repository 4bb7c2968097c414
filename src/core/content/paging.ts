/** One page of a list: its items, which page it is (clamped to the pages there are) and the positions shown. */
export interface ListPage<T> {
  items: T[];
  /** 1-based, between 1 and `pages`. */
  page: number;
  /** At least 1, also for an empty list. */
  pages: number;
  /** 1-based position of the first item shown; 0 for an empty list. */
  first: number;
  /** 1-based position of the last item shown; 0 for an empty list. */
  last: number;
  total: number;
}

/** Page `page` (1-based) of `items` in pages of `size`; a page past the end gives the last page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): ListPage<T> {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page: current, pages, first: shown.length ? start + 1 : 0, last: start + shown.length, total };
}
