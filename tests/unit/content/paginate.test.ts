import { test } from "node:test";
import assert from "node:assert/strict";
import { pageHref, paginate, paginationParams, type ListPage, type PaginationItem } from "../../../lib/content/paginate.ts";

const hrefCases: Array<{ base: string; n: number; expected: string }> = [
  { base: "/", n: 1, expected: "/" },
  { base: "/", n: 2, expected: "/page/2/" },
  { base: "/", n: 10, expected: "/page/10/" },
  { base: "/tags/ai/", n: 1, expected: "/tags/ai/" },
  { base: "/tags/ai/", n: 3, expected: "/tags/ai/page/3/" },
];

for (const { base, n, expected } of hrefCases) {
  test(`pageHref(${JSON.stringify(base)}, ${n}) → ${expected}`, () => {
    assert.equal(pageHref(base, n), expected);
  });
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** Page shape without items, plus the item count, to keep expectations short. */
type PageSummary = Omit<ListPage<number>, "items"> & { count: number; first?: number; last?: number };
function summarise(pages: Array<ListPage<number>>): PageSummary[] {
  return pages.map(({ items, ...rest }) => ({ ...rest, count: items.length, first: items[0], last: items.at(-1) }));
}

const paginateCases: Array<{ name: string; items: number; size: number; base: string; expected: PageSummary[] }> = [
  {
    name: "0 items give one empty page, so the list URL exists",
    items: 0,
    size: 20,
    base: "/tags/ai/",
    expected: [{ number: 1, total: 1, count: 0, first: undefined, last: undefined, href: "/tags/ai/", previous: undefined, next: undefined }],
  },
  {
    name: "1 item",
    items: 1,
    size: 20,
    base: "/",
    expected: [{ number: 1, total: 1, count: 1, first: 1, last: 1, href: "/", previous: undefined, next: undefined }],
  },
  {
    name: "exactly 20 items fill one page",
    items: 20,
    size: 20,
    base: "/",
    expected: [{ number: 1, total: 1, count: 20, first: 1, last: 20, href: "/", previous: undefined, next: undefined }],
  },
  {
    name: "21 items spill onto a second page of one",
    items: 21,
    size: 20,
    base: "/",
    expected: [
      { number: 1, total: 2, count: 20, first: 1, last: 20, href: "/", previous: undefined, next: "/page/2/" },
      { number: 2, total: 2, count: 1, first: 21, last: 21, href: "/page/2/", previous: "/", next: undefined },
    ],
  },
  {
    name: "45 items, size 20: pages of 20, 20 and 5",
    items: 45,
    size: 20,
    base: "/",
    expected: [
      { number: 1, total: 3, count: 20, first: 1, last: 20, href: "/", previous: undefined, next: "/page/2/" },
      { number: 2, total: 3, count: 20, first: 21, last: 40, href: "/page/2/", previous: "/", next: "/page/3/" },
      { number: 3, total: 3, count: 5, first: 41, last: 45, href: "/page/3/", previous: "/page/2/", next: undefined },
    ],
  },
  {
    name: "tag base URL: every href is under the base",
    items: 3,
    size: 1,
    base: "/tags/cyber-security/",
    expected: [
      { number: 1, total: 3, count: 1, first: 1, last: 1, href: "/tags/cyber-security/", previous: undefined, next: "/tags/cyber-security/page/2/" },
      {
        number: 2,
        total: 3,
        count: 1,
        first: 2,
        last: 2,
        href: "/tags/cyber-security/page/2/",
        previous: "/tags/cyber-security/",
        next: "/tags/cyber-security/page/3/",
      },
      { number: 3, total: 3, count: 1, first: 3, last: 3, href: "/tags/cyber-security/page/3/", previous: "/tags/cyber-security/page/2/", next: undefined },
    ],
  },
];

for (const { name, items, size, base, expected } of paginateCases) {
  test(`paginate: ${name}`, () => {
    const pages = paginate(range(items), size, base);
    assert.deepEqual(summarise(pages), expected);
    // Every item appears once, in order.
    assert.deepEqual(
      pages.flatMap((p) => p.items),
      range(items),
    );
  });
}

test("paginate does not modify its input", () => {
  const items = Object.freeze(range(45));
  paginate(items, 20, "/");
  assert.deepEqual(items, range(45));
});

const badSizes: Array<{ size: number; shown: string }> = [
  { size: 0, shown: "0" },
  { size: -1, shown: "-1" },
  { size: 1.5, shown: "1.5" },
  { size: Number.NaN, shown: "NaN" },
  { size: Number.POSITIVE_INFINITY, shown: "Infinity" },
];

for (const { size, shown } of badSizes) {
  test(`paginate throws for page size ${shown}`, () => {
    assert.throws(() => paginate(range(5), size, "/"), {
      name: "RangeError",
      message: `Page size must be a positive integer, got ${shown}`,
    });
  });
}

const ellipsis: PaginationItem = { ellipsis: true };
const link = (n: number, base = "/"): PaginationItem => ({ number: n, href: pageHref(base, n) });
const current = (n: number, base = "/"): PaginationItem => ({ number: n, href: pageHref(base, n), current: true });

const paramCases: Array<{
  name: string;
  total: number;
  page: number;
  base?: string;
  expected: ReturnType<typeof paginationParams>;
}> = [
  { name: "a single page needs no pagination", total: 1, page: 1, expected: undefined },
  {
    name: "first of 2",
    total: 2,
    page: 1,
    expected: { previous: undefined, next: { href: "/page/2/" }, items: [current(1), link(2)] },
  },
  {
    name: "last of 2",
    total: 2,
    page: 2,
    expected: { previous: { href: "/" }, next: undefined, items: [link(1), current(2)] },
  },
  {
    name: "middle of 3, no gaps so no ellipses",
    total: 3,
    page: 2,
    base: "/tags/ai/",
    expected: {
      previous: { href: "/tags/ai/" },
      next: { href: "/tags/ai/page/3/" },
      items: [link(1, "/tags/ai/"), current(2, "/tags/ai/"), link(3, "/tags/ai/")],
    },
  },
  {
    name: "first of 10: ellipsis before the last page",
    total: 10,
    page: 1,
    expected: { previous: undefined, next: { href: "/page/2/" }, items: [current(1), link(2), ellipsis, link(10)] },
  },
  {
    name: "3 of 10: neighbour 2 joins page 1, ellipsis only after",
    total: 10,
    page: 3,
    expected: {
      previous: { href: "/page/2/" },
      next: { href: "/page/4/" },
      items: [link(1), link(2), current(3), link(4), ellipsis, link(10)],
    },
  },
  {
    name: "middle (5) of 10: ellipses on both sides",
    total: 10,
    page: 5,
    expected: {
      previous: { href: "/page/4/" },
      next: { href: "/page/6/" },
      items: [link(1), ellipsis, link(4), current(5), link(6), ellipsis, link(10)],
    },
  },
  {
    name: "9 of 10: ellipsis only before",
    total: 10,
    page: 9,
    expected: {
      previous: { href: "/page/8/" },
      next: { href: "/page/10/" },
      items: [link(1), ellipsis, link(8), current(9), link(10)],
    },
  },
  {
    name: "last of 10: ellipsis after the first page",
    total: 10,
    page: 10,
    expected: { previous: { href: "/page/9/" }, next: undefined, items: [link(1), ellipsis, link(9), current(10)] },
  },
];

for (const { name, total, page, base = "/", expected } of paramCases) {
  test(`paginationParams: ${name}`, () => {
    const pages = paginate(range(total), 1, base);
    const target = pages[page - 1];
    assert.ok(target, `page ${page} exists`);
    assert.deepEqual(paginationParams(target, base), expected);
  });
}
