import { test } from "node:test";
import assert from "node:assert/strict";
import { authorBioParams } from "../../../lib/authors/bio.ts";
import { AUTHORS, one, parseHtml, renderComponent, select, tagNames, text } from "./render.ts";

// Params as the govnewsAuthorBio filter makes them (lib/authors/bio.ts), from the authors in render.ts.
const ELEANOR = authorBioParams(AUTHORS.get("eleanor-achebe")!, 12);
const GARETH = authorBioParams(AUTHORS.get("gareth-pryce")!, 1);

test("author-bio: an author with photo, pronouns, career, links (as on an article page)", () => {
  const doc = parseHtml(renderComponent("author-bio", ELEANOR));
  const section = one(doc, "section.app-author-bio");
  assert.equal(section.attribs["aria-labelledby"], "author-bio-eleanor-achebe");
  const photo = one(section, "img.app-author-bio__photo");
  assert.deepEqual({ ...photo.attribs }, { class: "app-author-bio__photo", src: "/images/eleanor-achebe.jpg", alt: "Eleanor Achebe", width: "96", height: "96" });
  const heading = one(section, "h3.govuk-heading-s.app-author-bio__name");
  assert.equal(heading.attribs.id, "author-bio-eleanor-achebe");
  assert.equal(text(heading), "Eleanor Achebe (she/her)");
  assert.equal(one(heading, "a.govuk-link").attribs.href, "/authors/eleanor-achebe/");
  assert.equal(text(one(heading, "a")), "Eleanor Achebe");
  assert.equal(text(one(section, "p.app-author-bio__role")), "Public sector editor, Gov Tech News");
  assert.equal(text(one(section, "p.app-author-bio__career")), "Formerly Service owner at Cabinet Office; now Public sector editor at Gov Tech News.");
  assert.equal(one(one(section, "div.app-author-bio__bio"), "p").attribs.class, "govuk-body");
  assert.equal(text(one(section, "div.app-author-bio__bio")), "Eleanor Achebe writes about digital government.");
  const links = select(section, "ul.app-author-bio__links li a");
  assert.deepEqual(
    links.map((a) => [text(a), a.attribs.href, a.attribs["aria-label"], a.attribs.rel]),
    [
      ["Website", "https://eleanor.example.com", "Eleanor Achebe’s website", "me"],
      ["LinkedIn", "https://www.linkedin.com/in/eleanor-achebe", "Eleanor Achebe on LinkedIn", "me"],
    ],
  );
  const more = one(one(section, "p.app-author-bio__more"), "a");
  assert.equal(more.attribs.href, "/authors/eleanor-achebe/");
  assert.equal(text(more), "More from Eleanor Achebe (12 items)");
});

const optionalCases: Array<{ name: string; params: object; absent: string[]; present: string[] }> = [
  {
    name: "no photo, pronouns, career or links: none of their elements",
    params: GARETH,
    absent: ["img", "span.app-author-bio__pronouns", "p.app-author-bio__career", "ul.app-author-bio__links"],
    present: ["h3.app-author-bio__name", "p.app-author-bio__role", "p.app-author-bio__more"],
  },
  {
    name: "author page: heading level 2, name not linked, no 'More from'",
    params: { ...ELEANOR, headingLevel: 2, hideNameLink: true, hideMore: true },
    absent: ["h3", "h2 a", "p.app-author-bio__more"],
    present: ["h2.app-author-bio__name", "img", "ul.app-author-bio__links"],
  },
  { name: "headingLevel omitted: h3", params: { ...GARETH, headingLevel: undefined }, absent: ["h2", "h4"], present: ["h3.app-author-bio__name"] },
];
for (const { name, params, absent, present } of optionalCases) {
  test(`author-bio: ${name}`, () => {
    const doc = parseHtml(renderComponent("author-bio", params));
    for (const selector of absent) assert.equal(select(doc, selector).length, 0, `${selector} should be absent`);
    for (const selector of present) assert.equal(select(doc, selector).length, 1, `${selector} should be present`);
  });
}

test("author-bio: one item says 'item'", () => {
  assert.equal(text(one(parseHtml(renderComponent("author-bio", GARETH)), "p.app-author-bio__more")), "More from Gareth Pryce (1 item)");
});

test("author-bio: every value but bioHtml is escaped; bioHtml (sanitised Markdown) is printed as markup", () => {
  const hostile = authorBioParams(AUTHORS.get("hostile")!, 2);
  const params = {
    ...hostile,
    photo: { src: `/images/x.jpg" onerror="alert(1)`, alt: `"><script>alert(2)</script>` },
    pronouns: "<i>they</i>",
    links: [{ kind: "website", href: `javascript:alert(3)" x="`, text: "<b>Website</b>", label: `"label"` }],
  };
  const html = renderComponent("author-bio", params);
  const doc = parseHtml(html);
  assert.deepEqual([...new Set(tagNames(doc))].sort(), ["a", "div", "h3", "img", "li", "p", "section", "span", "ul"]);
  assert.equal(text(one(doc, "h3")), `<script>alert("name")</script> (<i>they</i>)`);
  assert.equal(one(doc, "img").attribs.src, `/images/x.jpg" onerror="alert(1)`);
  assert.equal(one(doc, "img").attribs.onerror, undefined);
  assert.equal(text(one(doc, "p.app-author-bio__role")), `Editor & "writer", <b>Org</b>`);
  const link = one(one(doc, "ul"), "a");
  assert.equal(link.attribs.href, `javascript:alert(3)" x="`);
  assert.equal(link.attribs.x, undefined);
  assert.equal(text(link), "<b>Website</b>");
  // The bio is Markdown rendered with raw HTML off: the name's <script> in it is text inside a <p>.
  assert.equal(hostile.bioHtml.includes("<script"), false);
  assert.ok(html.includes(`<div class="app-author-bio__bio">${hostile.bioHtml}</div>`), html);
});
