// Item bodies: the GOV.UK plugin's Markdown, without markdown-it-attrs where a body has no brace, and with
// characters above U+00FF as numeric references (one-byte.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMarkdown, renderBody } from "../../../lib/eleventy/markdown.ts";
import { govukPluginOptions } from "../../../lib/eleventy/options.ts";
import { siteForConfig } from "../../../lib/eleventy/plugin.ts";

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
  ["links and images", "[GOV.UK](https://www.gov.uk/) and ![A chart](/images/chart.png \"Chart\")\n\n![Alone](/images/a.png)"],
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
  assert.equal(html, "<p class=\"govuk-body\">&#8220;Quoted&#8221; &#8211; it&#8217;s</p>\n");
});
