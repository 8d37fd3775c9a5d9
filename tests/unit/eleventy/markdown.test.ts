// Item bodies: the GOV.UK plugin's Markdown, without markdown-it-attrs where a body has no brace, and with
// characters above U+00FF as numeric references (one-byte.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMarkdown, renderBody } from "../../../lib/eleventy/markdown.ts";
import { govukPluginOptions } from "../../../lib/eleventy/options.ts";
import { siteForConfig } from "../../../lib/eleventy/site-data.ts";
import { splitFrontMatter } from "../../../lib/content/load.ts";
import { generateCorpusItems, itemFile } from "../../../scripts/generate-corpus.ts";

const site = siteForConfig({ contentDir: "tests/fixtures/site" });

/** The plugin's own instance, with every rule (as Eleventy gets it from the plugin). */
async function pluginMarkdown(): Promise<{ render(src: string): string }> {
  const require = createRequire(import.meta.url);
  const src = path.dirname(require.resolve("@x-govuk/govuk-eleventy-plugin"));
  const { md } = await import(pathToFileURL(path.join(src, "markdown-it.js")).href);
  const { defaultPluginOptions } = await import(pathToFileURL(path.join(src, "data", "options.js")).href);
  return md(defaultPluginOptions(govukPluginOptions(site), "/").markdown);
}

// Markdown that exercises every plugin the GOV.UK plugin loads, none of it with a brace.
const BODIES: Array<[string, string]> = [
  ["paragraphs and typography", `"Quoted" -- text... (c) it's\nA second line\n\nAnother paragraph.`],
  ["headings", "## A heading\n\n### A smaller heading\n\nText."],
  ["lists", "- one\n- two\n  - nested\n\n1. first\n2. second\n"],
  ["a table", "| Service | Users |\n| --- | ---: |\n| NHS App | 34 million |\n| GOV.UK One Login | 10 million |\n"],
  ["a table without a header row", "| a | b |\n| - | - |\n"],
  ["a horizontal rule", "Before\n\n---\n\nAfter\n\n***\n"],
  ["fenced code", "```js\nconst x = 1;\n```\n\n```\nplain\n```\n"],
  ["links and images", '[GOV.UK](https://www.gov.uk/) and ![A chart](/images/chart.png "Chart")\n\n![Alone](/images/a.png)'],
  ["a blockquote with attribution", "> Words of a minister.\n> -- The Minister\n"],
  ["footnotes", "A claim.[^1]\n\n[^1]: The source.\n"],
  ["abbreviations", "The NHS is large.\n\n*[NHS]: National Health Service\n"],
  ["a definition list", "Term\n: Its definition\n"],
  ["an alert", "> [!NOTE]\n> Something to know.\n"],
  ["inserted, marked, sub and sup", "++inserted++ ==marked== H~2~O 2^10^"],
  ["raw HTML", '<div class="x">\n\n*emphasis*\n\n</div>\n\n<details><summary>More</summary>Hidden</details>'],
  ["a table of contents", "[[toc]]\n\n## One\n\n## Two\n"],
];

test("a body without a brace renders the same without markdown-it-attrs as with it", async () => {
  const render = await createMarkdown(site);
  const full = await pluginMarkdown();
  for (const [name, body] of BODIES) {
    assert.ok(!body.includes("{"), name);
    assert.deepEqual(render(body), renderBody(full, body), name);
  }
});

test("every body of the sample, the fixtures and a generated archive renders as the plugin's full instance renders it", async () => {
  // createMarkdown leaves out the brace and quotation rules for bodies without a brace or a >: the same HTML.
  const render = await createMarkdown(site);
  const full = await pluginMarkdown();
  const folders = ["content/news", "tests/fixtures/site/news", "tests/fixtures/hostile-bodies/news", "tests/fixtures/leaks/news"];
  const bodies = [
    ...folders.flatMap((folder) =>
      fs
        .readdirSync(folder)
        .filter((f) => f.endsWith(".md"))
        .map((f) => splitFrontMatter(fs.readFileSync(path.join(folder, f), "utf8")).body),
    ),
    ...generateCorpusItems({ n: 300, seed: 5 }).items.map((item) => splitFrontMatter(itemFile(item)).body),
  ];
  let withoutQuotes = 0;
  for (const body of bodies) {
    assert.deepEqual(render(body), renderBody(full, body), body.slice(0, 120));
    if (!body.includes(">")) withoutQuotes++;
  }
  assert.ok(withoutQuotes > 100, "most bodies take the instance without the quotation rule");
});

test("a body with attributes still gets them", async () => {
  const render = await createMarkdown(site);
  const full = await pluginMarkdown();
  const body = "## Costs {#costs}\n\nA paragraph. {.govuk-body-l}\n\n| a | b |\n| - | - |\n| 1 {colspan=2} |\n";
  const { html } = render(body);
  assert.deepEqual(render(body), renderBody(full, body));
  assert.match(html, /id="costs"/);
  assert.match(html, /class="govuk-body-l govuk-body"/);
  assert.match(html, /colspan="2"/);
});

test("bodies come out one byte per character, with curly quotes as references", async () => {
  const render = await createMarkdown(site);
  const { html } = render(`"Quoted" -- it's`);
  assert.equal(html, '<p class="govuk-body">&#8220;Quoted&#8221; &#8211; it&#8217;s</p>\n');
});

// -- Sanitising (lib/content/sanitise.ts) on what editors write ------------------------------------------------

test("ordinary Markdown loses nothing to the sanitiser", async () => {
  const render = await createMarkdown(site);
  for (const [name, body] of BODIES) {
    if (name === "raw HTML") continue; // its class="x" is not a GOV.UK class (the next test)
    assert.deepEqual(render(body).removed, [], name);
  }
  assert.deepEqual(render("## Costs {#costs}\n\nA paragraph. {.govuk-body-l}\n\n| a | b |\n| - | - |\n| 1 {colspan=2} |\n").removed, []);
  assert.deepEqual(render('<div class="x">\n\n*emphasis*\n\n</div>').removed, [{ element: "div", attribute: "class", value: "x" }]);
});

// One row per class of hostile HTML, as an editor would write it in an item's Markdown.
const HOSTILE: Array<[string, string, Array<{ element: string; attribute?: string }>]> = [
  ["script", "Text.\n\n<script>alert(1)</script>\n", [{ element: "script" }]],
  ["inline script", "Text <script>alert(1)</script> more.", [{ element: "script" }]],
  ["iframe", '<iframe src="https://evil.example/"></iframe>', [{ element: "iframe" }]],
  ["event handler", 'An image <img src="/images/a.png" alt="A" onerror="alert(1)">', [{ element: "img", attribute: "onerror" }]],
  ["form action to another site", '<form action="https://evil.example/"><button>Go</button></form>', [{ element: "form" }, { element: "button" }]],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', [{ element: "meta" }]],
  ["base", '<base href="https://evil.example/">', [{ element: "base" }]],
  ["style element", "<style>body{display:none}</style>", [{ element: "style" }]],
  ["style attribute", '<p style="color:red">Red</p>', [{ element: "p", attribute: "style" }]],
  ["javascript: link in HTML", '<a href="javascript:alert(1)">x</a>', [{ element: "a", attribute: "href" }]],
  ["javascript: link with an entity", '<a href="&#106;avascript:alert(1)">x</a>', [{ element: "a", attribute: "href" }]],
  ["data: image in Markdown", "![A chart](data:image/png;base64,iVBORw0KGgo=)", [{ element: "img", attribute: "src" }]],
  ["markdown-it-attrs onclick", 'A paragraph. {onclick="alert(1)"}', [{ element: "p", attribute: "onclick" }]],
  ["markdown-it-attrs style", "A paragraph. {style=color:red}", [{ element: "p", attribute: "style" }]],
  [
    "markdown-it-attrs on a link",
    '[x](/news/) {onmouseover="alert(1)" formaction=https://evil.example/}',
    [
      { element: "p", attribute: "onmouseover" },
      { element: "p", attribute: "formaction" },
    ],
  ],
  ["markdown-it-attrs srcdoc on a heading", "## Heading {srcdoc=evil}", [{ element: "h2", attribute: "srcdoc" }]],
];

for (const [name, body, expected] of HOSTILE) {
  test(`a body with ${name} is sanitised and the removal reported, the same by both renderers`, async () => {
    const render = await createMarkdown(site);
    const full = await pluginMarkdown();
    const result = render(body);
    assert.deepEqual(
      result.removed.map(({ element, attribute }) => (attribute ? { element, attribute } : { element })),
      expected,
    );
    assert.deepEqual(renderBody(full, body), result);
    assert.doesNotMatch(result.html, /<(script|iframe|form|button|meta|base|style)\b|\son\w+=|\sstyle=|\s(srcdoc|formaction)=|javascript:|data:/i);
  });
}

test("a fenced block without a language shows its HTML as code; a language that is not a plain name is ignored", async () => {
  const render = await createMarkdown(site);
  const full = await pluginMarkdown();
  for (const body of ["```\n<script>alert(1)</script> & <b>x</b>\n```", '```js"onclick="alert(1)\n<b>x</b>\n```']) {
    const result = render(body);
    assert.deepEqual(result, renderBody(full, body));
    assert.equal(
      result.html,
      '<pre class="app-code app-code--block" tabindex="0">&lt;' + (body.includes("script") ? "script&gt;alert(1)&lt;/script&gt; &amp; &lt;" : "") + "b&gt;x&lt;/b&gt;\n</pre>\n\n",
    );
    assert.deepEqual(result.removed, []);
  }
  assert.match(render("```html\n<p>x</p>\n```").html, /app-code__language--html.*&lt;/s);
});

test("table column alignment becomes GOV.UK classes, not inline styles the CSP would block", async () => {
  const render = await createMarkdown(site);
  const { html, removed } = render("| a | b | c |\n| :- | -: | :-: |\n| 1 | 2 | 3 |\n");
  assert.deepEqual(removed, []);
  assert.doesNotMatch(html, /style=/);
  assert.match(html, /<td class="govuk-table__cell govuk-!-text-align-right">2<\/td>/);
  assert.match(html, /<th class="govuk-table__header govuk-!-text-align-centre">c<\/th>/);
});
