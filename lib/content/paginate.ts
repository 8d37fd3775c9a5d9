/**
 * Pagination for every list (home, tag pages, and later author and type pages): pure, so the page chunks,
 * their URLs and the GOV.UK pagination component's params are unit-tested without a build.
 */

export interface ListPage<T> {
  /** 1-based page number. */
  number: number;
  total: number;
  items: T[];
  href: string;
  previous?: string;
  next?: string;
}

/** URL of page `n` of a list whose first page is `base` ("/" or "/tags/ai/"): base, then base + "page/n/". */
export function pageHref(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Split items into pages of `size`. An empty list still has one (empty) page, so the list URL exists. */
export function paginate<T>(items: readonly T[], size: number, base: string): Array<ListPage<T>> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * size, number * size),
      href: pageHref(base, number),
      previous: number > 1 ? pageHref(base, number - 1) : undefined,
      next: number < total ? pageHref(base, number + 1) : undefined,
    };
  });
}

export type PaginationItem = { number: number; href: string; current?: boolean } | { ellipsis: true };

/**
 * Params for govukPagination: first, last, current and its neighbours, with ellipses between gaps,
 * as the GOV.UK Design System recommends (https://design-system.service.gov.uk/components/pagination/).
 */
export function paginationParams(page: Pick<ListPage<unknown>, "number" | "total" | "previous" | "next">, base: string) {
  if (page.total <= 1) return undefined;
  const shown = new Set([1, page.total, page.number - 1, page.number, page.number + 1]);
  const items: PaginationItem[] = [];
  let last = 0;
  for (let n = 1; n <= page.total; n++) {
    if (!shown.has(n)) continue;
    if (n - last > 1) items.push({ ellipsis: true });
    items.push(n === page.number ? { number: n, href: pageHref(base, n), current: true } : { number: n, href: pageHref(base, n) });
    last = n;
  }
  return {
    previous: page.previous ? { href: page.previous } : undefined,
    next: page.next ? { href: page.next } : undefined,
    items,
  };
}
