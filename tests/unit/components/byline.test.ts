import { test } from "node:test";
import assert from "node:assert/strict";
import { bylineFor, type BylinePerson } from "../../../lib/eleventy/view.ts";
import { toMillis } from "../../../lib/content/dates.ts";
import { AUTHORS, SITE, one, parseHtml, renderComponent, select, text } from "./render.ts";

// People as the govnewsByline filter gives them (lib/eleventy/view.ts), for an item published on `date`.
function people(authorIds: string[], date = "2026-08-17T09:30:00+01:00"): BylinePerson[] {
  return bylineFor({ authorIds, dateMs: toMillis(date) }, { site: SITE, authors: AUTHORS });
}

const joinCases: Array<{ name: string; authorIds: string[]; expected: string }> = [
  { name: "no authors: the organisation", authorIds: [], expected: "By Gov Tech News" },
  { name: "one author", authorIds: ["gareth-pryce"], expected: "By Gareth Pryce" },
  { name: "two co-authors", authorIds: ["gareth-pryce", "nadia-qureshi"], expected: "By Gareth Pryce and Nadia Qureshi" },
  { name: "three co-authors, in the order given", authorIds: ["nadia-qureshi", "eleanor-achebe", "gareth-pryce"], expected: "By Nadia Qureshi, Eleanor Achebe and Gareth Pryce" },
];
for (const { name, authorIds, expected } of joinCases) {
  test(`byline: ${name}`, () => {
    const doc = parseHtml(renderComponent("byline", { people: people(authorIds) }));
    assert.equal(text(one(doc, "span.app-byline")), expected);
    assert.equal(select(doc, "span.app-byline__person").length, Math.max(1, authorIds.length));
    // Without `link`, names are not links.
    assert.equal(select(doc, "a").length, 0);
  });
}

test("byline: the exact markup for two people, names as text (the line break after it is trimmed by callers)", () => {
  assert.equal(
    renderComponent("byline", { people: people(["gareth-pryce", "nadia-qureshi"]) }),
    `<span class="app-byline">By <span class="app-byline__person"><span class="app-byline__name">Gareth Pryce</span></span>` +
      ` and <span class="app-byline__person"><span class="app-byline__name">Nadia Qureshi</span></span></span>\n`,
  );
});

test("byline: as on an article page (no prefix, names linked, roles at publication)", () => {
  const html = renderComponent("byline", { people: people(["eleanor-achebe", "gareth-pryce"], "2023-06-01T09:00:00+01:00"), prefix: "", link: true, roles: true });
  const doc = parseHtml(html);
  const persons = select(doc, "span.app-byline__person");
  assert.deepEqual(
    persons.map((person) => [one(person, "a.govuk-link.app-byline__name").attribs.href, text(one(person, "a")), text(one(person, "span.app-byline__role"))]),
    [
      // Eleanor's role on the item's date, not her current one.
      ["/authors/eleanor-achebe/", "Eleanor Achebe", "(Service owner, Cabinet Office)"],
      ["/authors/gareth-pryce/", "Gareth Pryce", "(Reporter, Gov Tech News)"],
    ],
  );
  assert.equal(text(doc), "Eleanor Achebe (Service owner, Cabinet Office) and Gareth Pryce (Reporter, Gov Tech News)");
});

test("byline: the organisation byline has no page to link to and no role", () => {
  const doc = parseHtml(renderComponent("byline", { people: people([]), link: true, roles: true }));
  assert.equal(select(doc, "a").length, 0);
  assert.equal(select(doc, "span.app-byline__role").length, 0);
  assert.equal(text(one(doc, "span.app-byline__name")), "Gov Tech News");
});

const prefixCases: Array<{ prefix?: string; expected: string }> = [
  { prefix: undefined, expected: "By Gareth Pryce" },
  { prefix: "Written by", expected: "Written by Gareth Pryce" },
  { prefix: "<b>By</b>", expected: "<b>By</b> Gareth Pryce" },
];
for (const { prefix, expected } of prefixCases) {
  test(`byline: prefix ${JSON.stringify(prefix)}`, () => {
    const doc = parseHtml(renderComponent("byline", { people: people(["gareth-pryce"]), prefix }));
    assert.equal(select(doc, "b").length, 0);
    assert.equal(text(doc), expected);
  });
}

test("byline: names, links and roles are escaped", () => {
  const html = renderComponent("byline", { people: people(["hostile"]), link: true, roles: true });
  const doc = parseHtml(html);
  assert.equal(select(doc, "script").length + select(doc, "b").length, 0, html);
  assert.equal(text(one(doc, "a")), `<script>alert("name")</script>`);
  assert.equal(text(one(doc, "span.app-byline__role")), `(Editor & "writer", <b>Org</b>)`);
  const link = parseHtml(renderComponent("byline", { people: [{ name: "X", url: `/authors/x/" onclick="alert(1)` }], link: true }));
  assert.equal(one(link, "a").attribs.href, `/authors/x/" onclick="alert(1)`);
  assert.equal(one(link, "a").attribs.onclick, undefined);
});
