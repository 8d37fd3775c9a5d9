import { test } from "node:test";
import assert from "node:assert/strict";
import { authorBioParams, moreFromText, profileLinks, renderBio, renderBioChecked, roleHistory, type BioAuthor } from "../../../lib/authors/bio.ts";

const ADA: BioAuthor = {
  id: "ada-lovelace",
  name: "Ada Lovelace",
  role: "Analyst",
  organisation: "Engine Office",
  pronouns: "she/her",
  photo: { src: "/images/ada.png", alt: "Ada Lovelace" },
  links: { github: "https://github.com/ada", website: "https://ada.example.org" },
  bio: "Ada writes about *engines*.\n\nSee [her notes](https://ada.example.org/notes).",
  roles: [
    { role: "Translator", organisation: "Royal Society", from: "1842-01-01", to: "1843-12-31" },
    { role: "Analyst", organisation: "Engine Office", from: "1844-01-01" },
  ],
};

test("authorBioParams gives the component everything it shows", () => {
  assert.deepEqual(authorBioParams(ADA, 3), {
    id: "ada-lovelace",
    name: "Ada Lovelace",
    url: "/authors/ada-lovelace/",
    pronouns: "she/her",
    role: "Analyst",
    organisation: "Engine Office",
    photo: { src: "/images/ada.png", alt: "Ada Lovelace" },
    bioHtml:
      '<p class="govuk-body">Ada writes about <em>engines</em>.</p>\n<p class="govuk-body">See <a href="https://ada.example.org/notes" class="govuk-link">her notes</a>.</p>',
    career: "Formerly Translator at Royal Society; now Analyst at Engine Office.",
    links: [
      { kind: "website", href: "https://ada.example.org", text: "Website", label: "Ada Lovelace’s website" },
      { kind: "github", href: "https://github.com/ada", text: "GitHub", label: "Ada Lovelace on GitHub" },
    ],
    count: 3,
    moreText: "More from Ada Lovelace (3 items)",
    headingLevel: 3,
  });
});

const moreCases = [
  { count: 0, expected: "More from Ada (0 items)" },
  { count: 1, expected: "More from Ada (1 item)" },
  { count: 2, expected: "More from Ada (2 items)" },
];
for (const c of moreCases) test(`moreFromText with ${c.count}`, () => assert.equal(moreFromText("Ada", c.count), c.expected));

const bioCases = [
  { name: "raw HTML is text", input: "<script>alert(1)</script>", expected: '<p class="govuk-body">&lt;script&gt;alert(1)&lt;/script&gt;</p>' },
  { name: "quotes are typographic", input: 'She said "hi"', expected: '<p class="govuk-body">She said “hi”</p>' },
  { name: "javascript: links are not linked", input: "[x](javascript:alert(1))", expected: '<p class="govuk-body">[x](javascript:alert(1))</p>' },
  { name: "lists get GOV.UK classes", input: "- a\n- b", expected: '<ul class="govuk-list govuk-list--bullet">\n<li>a</li>\n<li>b</li>\n</ul>' },
];
for (const c of bioCases) test(`renderBio: ${c.name}`, () => assert.equal(renderBio(c.input), c.expected));

test("profileLinks: in a fixed order, each with a name that makes sense alone and contains the visible text", () => {
  const links = profileLinks({ name: "Sam", links: { x: "https://x.example/sam", bluesky: "https://bsky.example/sam", mastodon: undefined } });
  assert.deepEqual(
    links.map((l) => [l.text, l.label]),
    [
      ["Bluesky", "Sam on Bluesky"],
      ["X", "Sam on X"],
    ],
  );
  for (const l of links) assert.ok(l.label.toLowerCase().includes(l.text.toLowerCase()));
  assert.deepEqual(profileLinks({ name: "Sam" }), []);
});

test("roleHistory: current first with its start, then past roles", () => {
  assert.deepEqual(roleHistory(ADA), [
    { role: "Analyst", organisation: "Engine Office", from: "1844-01-01", current: true },
    { role: "Translator", organisation: "Royal Society", from: "1842-01-01", to: "1843-12-31", current: false },
  ]);
  assert.deepEqual(roleHistory({ role: "R", organisation: "O" }), [{ role: "R", organisation: "O", from: undefined, current: true }]);
});

test("renderBioChecked: bios go through the body allowlist; what it drops is reported, not silently lost", () => {
  const { html, removed } = renderBioChecked("![x](data:image/png;base64,AAAA) [y](//evil.example) and <b>raw</b>");
  assert.ok(!html.includes("data:") && !html.includes("//evil.example"), html);
  assert.ok(html.includes("&lt;b&gt;raw&lt;/b&gt;"), "raw HTML stays text");
  assert.deepEqual(
    removed.map((r) => `${r.element} ${r.attribute}`),
    ["img src", "a href"],
  );
  assert.deepEqual(renderBioChecked("A *plain* bio with [a link](https://example.org).").removed, []);
});

test("validateAuthors reports what the allowlist drops from a bio, with the file and line", async () => {
  const { validateAuthors } = await import("../../../lib/content/model.ts");
  const { issues } = validateAuthors([
    { file: "content/authors/ann.md", data: { name: "Ann", role: "Writer", organisation: "Dept" }, body: "Bio.\n\n[My page](//evil.example)\n", bodyLine: 6 },
  ]);
  assert.deepEqual(issues, [
    {
      file: "content/authors/ann.md",
      field: "(body)",
      message: 'the link address "//evil.example" is not allowed: use an https://, http://, mailto: or tel: address, or a path on this site starting with /',
      line: 8,
      column: 1,
    },
  ]);
});
