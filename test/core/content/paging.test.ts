import { pageOf } from '../../../src/core/content/paging';

describe('pageOf', () => {
  const items = Array.from({ length: 57 }, (_, i) => i + 1);

  it('gives the page asked for with the positions shown', () => {
    expect(pageOf(items, 1, 20)).toMatchObject({ page: 1, pages: 3, first: 1, last: 20, total: 57 });
    const second = pageOf(items, 2, 20);
    expect(second).toMatchObject({ page: 2, first: 21, last: 40 });
    expect(second.items).toEqual(items.slice(20, 40));
    expect(pageOf(items, 3, 20)).toMatchObject({ page: 3, first: 41, last: 57 });
    expect(pageOf(items, 3, 20).items).toHaveLength(17);
  });

  it('clamps a page past the end to the last and one below 1 to the first', () => {
    expect(pageOf(items, 99, 20)).toMatchObject({ page: 3, first: 41, last: 57 });
    expect(pageOf(items, 0, 20)).toMatchObject({ page: 1, first: 1 });
    expect(pageOf(items, -4, 20)).toMatchObject({ page: 1, first: 1 });
  });

  it('an empty list is one empty page', () => {
    expect(pageOf([], 2, 20)).toEqual({ items: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it('exactly full pages have no empty page after them', () => {
    expect(pageOf(items.slice(0, 40), 3, 20)).toMatchObject({ page: 2, pages: 2, first: 21, last: 40 });
  });
});
