// Links and images in item bodies: what is found in the HTML, which site paths the content decides, when each
// page goes live, and the problems, each on its line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findReferences, goLive, linkProblem, planLinks, referenceProblems, sitePath, type PlannedItem } from "../../../lib/content/body-links.ts";

const NOW = Date.parse("2027-01-01T00:00:00Z");
const LATER = Date.parse("2027-03-07T00:01:00Z");

test("findReferences: every link's href and every image's src and alt, entities decoded", () => {
  const cases: Array<[string, ReturnType<typeof findReferences>]> = [
    ["<p>No links.</p>", { links: [], images: [] }],
    ['<p><a href="/news/a/">A</a> and <a href="https://x.org/?a=1&amp;b=2">B</a></p>', { links: ["/news/a/", "https://x.org/?a=1&b=2"], images: [] }],
    [
      '<p><img src="/images/a.png" alt="A &quot;chart&quot;"><img src="/images/b.png" alt=""><img src="/images/c.png"></p>',
      {
        links: [],
        images: [
          { src: "/images/a.png", alt: 'A "chart"' },
          { src: "/images/b.png", alt: "" },
          { src: "/images/c.png", alt: undefined },
        ],
      },
    ],
    ['<a name="x">anchor without href</a>', { links: [], images: [] }],
    ['<p>&lt;a href="/news/not-a-link/"&gt;</p>', { links: [], images: [] }],
  ];
  for (const [html, expected] of cases) assert.deepEqual(findReferences(html), expected, html);
});

test("sitePath: paths of this site, from relative, absolute and full links", () => {
  const cases: Array<[string, string | undefined]> = [
    ["/news/a/", "/news/a/"],
    ["/news/a/#part", "/news/a/"],
    ["/news/a/?x=1", "/news/a/"],
    ["../other/", "/news/other/"],
    ["part-two/", "/news/this/part-two/"],
    ["#section", undefined],
    ["https://news.example.gov.uk/tags/ai/", "/tags/ai/"],
    ["https://elsewhere.example.org/news/a/", undefined],
    ["mailto:press@example.gov.uk", undefined],
    ["tel:+441234567890", undefined],
  ];
  for (const [href, expected] of cases) assert.equal(sitePath(href, "/news/this/", "https://news.example.gov.uk"), expected, href);
});

const item = (slug: string, state: PlannedItem["state"], extra: Partial<PlannedItem> = {}): PlannedItem => ({
  slug,
  state,
  dateMs: state === "scheduled" ? LATER : NOW - 1,
  tags: [],
  authorIds: [],
  aliases: [],
  ...extra,
});

test("planLinks and linkProblem: a page is fine when it goes live no later than the linking item", () => {
  const plan = planLinks(
    [
      item("live", "published", { tags: ["Cyber security"], authorIds: ["ann-lee"], type: "press release", aliases: ["old-live"] }),
      item("gone", "withdrawn", { tags: ["Withdrawn only"] }),
      item("soon", "scheduled", { tags: ["Embargoed topic"] }),
      item("idea", "draft", { tags: ["Draft topic"], authorIds: ["drafty"] }),
    ],
    ["/images/chart.png"],
  );
  const fromLive = -Infinity;
  const cases: Array<[string, number, string | undefined]> = [
    ["/news/live/", fromLive, undefined],
    ["/news/live", fromLive, undefined],
    ["/news/old-live/", fromLive, undefined],
    ["/news/gone/", fromLive, undefined],
    ["/tags/cyber-security/page/2/", fromLive, undefined],
    ["/types/press-release/", fromLive, undefined],
    ["/authors/ann-le/", fromLive, "links to /authors/ann-le/, which will not exist: did you mean /authors/ann-lee/?"],
    ["/authors/ann-lee/", fromLive, undefined],
    ["/images/chart.png", fromLive, undefined],
    ["/subscribe/", fromLive, undefined],
    ["/news/liv/", fromLive, "links to /news/liv/, which will not exist: did you mean /news/live/?"],
    ["/news/nothing-like-it-at-all/", fromLive, "links to /news/nothing-like-it-at-all/, which will not exist: link to an item as /news/<its file name without .md>/"],
    ["/tags/withdrawn-only/", fromLive, "links to /tags/withdrawn-only/, which will not exist: link to a topic that a published item has"],
    ["/news/idea/", fromLive, "links to /news/idea/, which only a draft makes: publish that item first, or remove the link"],
    ["/authors/drafty/", fromLive, "links to /authors/drafty/, which will not exist: link to an author who has published items"],
    ["/news/soon/", fromLive, "links to /news/soon/, which goes live on Sunday 7 March 2027 at 00:01 UK time, after this item: embargo this item until then, or remove the link"],
    ["/news/soon/", LATER, undefined],
    ["/tags/embargoed-topic/", LATER, undefined],
    ["/news/idea/", Infinity, undefined],
    ["/images/gone.png", fromLive, "links to /images/gone.png, which will not exist: put the image in content/images/gone.png or fix the address"],
  ];
  for (const [path, from, expected] of cases) assert.equal(linkProblem(path, from, plan), expected, `${path} from ${from}`);
});

test("goLive: now for published and withdrawn items, the date for scheduled ones, never for drafts", () => {
  assert.equal(goLive({ state: "published", dateMs: 5 }), -Infinity);
  assert.equal(goLive({ state: "withdrawn", dateMs: 5 }), -Infinity);
  assert.equal(goLive({ state: "scheduled", dateMs: 5 }), 5);
  assert.equal(goLive({ state: "draft", dateMs: 5 }), Infinity);
});

test("referenceProblems: each broken link and image once, on the line of the file it is written on", () => {
  const plan = planLinks([item("live", "published"), item("this", "published")], ["/images/chart.png"], "https://news.example.gov.uk");
  const body =
    "Intro.\n\nSee [one](/news/lve/) and [two](/news/lve/).\n\n![](/images/chart.png)\n\n![A map](https://news.example.gov.uk/images/map.png)\n\n![Photo](https://elsewhere.example.org/p.jpg)\n";
  const references = {
    links: ["/news/lve/", "/news/lve/"],
    images: [
      { src: "/images/chart.png", alt: "" },
      { src: "https://news.example.gov.uk/images/map.png", alt: "A map" },
      { src: "https://elsewhere.example.org/p.jpg", alt: "Photo" },
    ],
  };
  const issues = referenceProblems({ file: "content/news/this.md", slug: "this", body, bodyLine: 8, goLive: -Infinity }, references, plan);
  assert.deepEqual(
    issues.map((i) => `${i.line}:${i.column} ${i.field} ${i.message}`),
    [
      "10:1 (body) links to /news/lve/, which will not exist: did you mean /news/live/?",
      "12:1 (body) has an image with no alt text (/images/chart.png): describe what it shows between the square brackets, e.g. ![A council officer at a laptop](/images/chart.png), so screen reader users know",
      "14:1 (body) has an image that points to /images/map.png, which will not exist: put the image in content/images/map.png or fix the address",
    ],
  );
});
