import { test } from "node:test";
import assert from "node:assert/strict";
import { article, one, parseHtml, renderComponent, select, tagNames, text } from "./render.ts";

const IMAGE = { src: "/images/town-hall.png", alt: "A town hall", credit: "GOV.UK" };
const WITH_IMAGE = article({ slug: "with-image", title: "With an image", image: IMAGE });
const WITHOUT_IMAGE = article({ slug: "no-image", title: "Without an image", type: "analysis", authorIds: [] });

test("featured-items: nothing to feature renders nothing", () => {
  assert.equal(renderComponent("featured-items", { articles: [] }).trim(), "");
});

test("featured-items: a labelled section, entries in the given order, each with its lead image when it has one", () => {
  const doc = parseHtml(renderComponent("featured-items", { articles: [WITH_IMAGE, WITHOUT_IMAGE] }));
  const section = one(doc, "section.app-featured");
  const heading = one(section, "h2.govuk-heading-l");
  assert.equal(section.attribs["aria-labelledby"], heading.attribs.id);
  assert.equal(text(heading), "Featured");
  const items = select(section, "ol.app-featured__list li.app-featured__item");
  assert.deepEqual(
    items.map((li) => text(one(li, "h3.app-featured__title a"))),
    ["With an image", "Without an image"],
  );
  assert.deepEqual(
    items.map((li) => one(li, "h3 a").attribs.href),
    ["/news/with-image/", "/news/no-image/"],
  );
  const img = one(items[0]!, "img.app-featured__image");
  assert.deepEqual([img.attribs.src, img.attribs.alt], ["/images/town-hall.png", "A town hall"]);
  // Below the page's heading and introduction: loaded when it nears the screen (components/picture).
  assert.deepEqual([img.attribs.loading, img.attribs.fetchpriority], ["lazy", undefined]);
  assert.equal(select(items[1]!, "img").length, 0);
  assert.deepEqual(
    items.map((li) => text(one(li, "p.app-article-summary__type"))),
    ["News", "Analysis"],
  );
  assert.equal(text(one(items[1]!, "span.app-byline")), "By Gov Tech News");
  assert.equal(one(items[0]!, "time").attribs.datetime, "2026-08-17T09:30:00+01:00");
});

test("featured-items: headingLevel and heading text", () => {
  const doc = parseHtml(renderComponent("featured-items", { articles: [WITHOUT_IMAGE], headingLevel: 3, heading: "Top stories" }));
  assert.equal(text(one(doc, "h3.govuk-heading-l")), "Top stories");
  assert.equal(select(doc, "h4.app-featured__title").length, 1);
});

test("featured-items: hostile titles, standfirsts and alt text are escaped", () => {
  const hostile = article({
    title: `<script>alert("t")</script>`,
    description: `<img src=x onerror=alert(1)>`,
    image: { src: "/images/x.png", alt: `"><script>alert("alt")</script>`, credit: "x" },
  });
  const html = renderComponent("featured-items", { articles: [hostile] });
  const doc = parseHtml(html);
  assert.ok(!tagNames(doc).includes("script"), html);
  assert.equal(select(doc, "img").length, 1);
  assert.equal(one(doc, "img").attribs.alt, `"><script>alert("alt")</script>`);
  assert.equal(text(one(doc, "h3 a")), `<script>alert("t")</script>`);
});
