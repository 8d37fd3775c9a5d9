// JSON-LD pieces: the publisher with its logo, and a list page as an ItemList numbered across pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { itemListLd, jsonForScript, publisherLd } from "../../../lib/eleventy/structured-data.ts";
import { paginate } from "../../../lib/content/paginate.ts";
import { PLACEHOLDER_SITE } from "../../../lib/content/schema.ts";

const SITE = { ...PLACEHOLDER_SITE, url: "https://news.example.gov.uk", perPage: 2 };

test("publisherLd: the organisation, with the logo as an ImageObject when the site has one", () => {
  assert.deepEqual(publisherLd(SITE), { "@type": "Organization", name: "Organisation", url: "https://example.org" });
  for (const [logo, url] of [
    ["/images/logo.png", "https://news.example.gov.uk/images/logo.png"],
    ["https://cdn.example.org/logo.png", "https://cdn.example.org/logo.png"],
  ]) {
    assert.deepEqual(publisherLd({ ...SITE, logo }).logo, { "@type": "ImageObject", url });
  }
});

const items = ["a", "b", "c", "</script><!--"].map((slug) => ({ url: `/news/${slug}/`, title: `Title ${slug}` }));

test("itemListLd: each page's items, positions counted from the first page, absolute URLs", () => {
  const pages = paginate(items, SITE.perPage, "/tags/x/");
  const cases: Array<[number, number[], string]> = [
    [0, [1, 2], "https://news.example.gov.uk/tags/x/"],
    [1, [3, 4], "https://news.example.gov.uk/tags/x/page/2/"],
  ];
  for (const [index, positions, url] of cases) {
    const list = itemListLd(pages[index]!, "Topic <x>", SITE)!;
    assert.equal(list["@type"], "ItemList");
    assert.equal(list.name, "Topic <x>");
    assert.equal(list.url, url);
    assert.equal(list.numberOfItems, 2);
    const elements = list.itemListElement as Array<{ position: number; url: string; name: string }>;
    assert.deepEqual(
      elements.map((e) => e.position),
      positions,
    );
    assert.ok(elements.every((e) => e.url.startsWith("https://news.example.gov.uk/news/")));
  }
  // Safe in a script element whatever the titles say.
  const json = jsonForScript(itemListLd(pages[1]!, "</script>", SITE));
  assert.ok(!/<\/?script|<!--/i.test(json));
  assert.equal(JSON.parse(json).itemListElement[1].name, "Title </script><!--");
});

test("itemListLd: nothing for an empty page", () => {
  assert.equal(itemListLd(paginate([], 20, "/")[0]!, "Latest news", SITE), undefined);
});
