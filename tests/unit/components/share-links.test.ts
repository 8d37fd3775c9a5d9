import { test } from "node:test";
import assert from "node:assert/strict";
import { one, parseHtml, renderComponent, select, tagNames, text } from "./render.ts";
import { shareLinks } from "../../../lib/eleventy/share-links.ts";

const URL_ = "https://govtech-news.example.gov.uk/news/gds-publishes-new-service-standard/";
const TITLE = "GDS publishes a new Service Standard";

test("share-links: a section, not printed, with email, LinkedIn, Bluesky and a link to the page for copying", () => {
  const doc = parseHtml(renderComponent("share-links", { url: URL_, title: TITLE }));
  const section = one(doc, "section.app-share-links");
  assert.ok(section.attribs.class!.split(" ").includes("govuk-!-display-none-print"));
  assert.equal(section.attribs["aria-labelledby"], "share-links-heading");
  assert.equal(text(one(section, "h2.govuk-heading-s#share-links-heading")), "Share this page");
  const links = select(section, "ul.app-share-links__list li a.govuk-link");
  assert.deepEqual(
    links.map((a) => [text(a), a.attribs.href]),
    [
      [
        "Share by Email",
        `mailto:?subject=GDS%20publishes%20a%20new%20Service%20Standard&body=GDS%20publishes%20a%20new%20Service%20Standard%0D%0A%0D%0A${encodeURIComponent(URL_)}`,
      ],
      ["Share on LinkedIn", `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(URL_)}`],
      ["Share on Bluesky", `https://bsky.app/intent/compose?text=GDS%20publishes%20a%20new%20Service%20Standard%20${encodeURIComponent(URL_)}`],
      ["Link to this page", URL_],
    ],
  );
  // The prefix is for screen readers; the visible text is the service's name.
  assert.deepEqual(select(section, "span.govuk-visually-hidden").map(text), ["Share by", "Share on", "Share on"]);
  // Only the link to the page is made a copy button, by our script; no script in the markup.
  assert.deepEqual(
    links.map((a) => "data-app-copy-link" in a.attribs),
    [false, false, false, true],
  );
  assert.ok(!tagNames(doc).includes("script"));
});

test("share-links: the heading level is a parameter", () => {
  const doc = parseHtml(renderComponent("share-links", { url: URL_, title: TITLE, headingLevel: 3 }));
  assert.equal(text(one(doc, "h3#share-links-heading")), "Share this page");
});

test("share-links: a hostile title is percent-encoded in the addresses and escaped in the attributes", () => {
  const title = `A & B <script>alert("x")</script> ?#=%'\u00e9😀`;
  const html = renderComponent("share-links", { url: URL_, title });
  const doc = parseHtml(html);
  assert.ok(!tagNames(doc).includes("script"), html);
  const [email, , bluesky] = select(doc, "a.govuk-link");
  const subject = new URL(email!.attribs.href!).searchParams.get("subject");
  assert.equal(subject, title);
  assert.equal(new URL(bluesky!.attribs.href!).searchParams.get("text"), `${title} ${URL_}`);
  // Every reserved character in a value is encoded: each address has exactly the parameters it means to.
  for (const link of shareLinks(URL_, title).slice(0, 3)) {
    assert.ok(!/[\s"'<>]/.test(link.href), link.href);
    assert.equal(link.href.split("?")[1]!.split("&").length, link.href.startsWith("mailto:") ? 2 : 1, link.href);
  }
});
