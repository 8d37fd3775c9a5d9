// The sanitiser's fast path (lib/build/clean-body.ts) against its plain twin (sanitiseBody always run): the same HTML
// and the same removals for every body of the sample, fixture and a generated archive, and for Markdown built to
// reach each URL form and HTML feature; and the fast path really is taken for plain bodies.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createMarkdown, type RenderedBody } from "../../../lib/eleventy/markdown.ts";
import { isCleanPlainMarkdown } from "../../../lib/build/clean-body.ts";
import { findReferences } from "../../../lib/content/body-links.ts";
import { splitFrontMatter } from "../../../lib/content/load.ts";
import { generateCorpusItems, itemFile } from "../../../scripts/generate-corpus.ts";

let fast: (source: string) => RenderedBody;
let reference: (source: string) => RenderedBody;

before(async () => {
  fast = await createMarkdown(undefined, "/", true);
  reference = await createMarkdown(undefined, "/", false);
});

function bodiesIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .map((f) => splitFrontMatter(fs.readFileSync(path.join(folder, f), "utf8")).body);
}

const EDGE_CASES = [
  "Plain paragraph with *emphasis*, **strong**, `code` and a [link](https://example.org/a?b=c&d=e).",
  "A [site link](/news/x/), a [fragment](#notes), [mail](mailto:press@example.gov.uk), [phone](tel:+44 20 7946 0000).",
  "A [protocol-relative link](//evil.example/x) and an ![image](//evil.example/x.png).",
  "An ![inline image](data:image/png;base64,iVBORw0KGgo=) and a [data link](data:text/html,x).",
  "A [javascript link](javascript:alert(1)) and a [spaced one]( javascript:alert(1) ).",
  "A [link with a colon](/a:b) and [relative](x/y) and [http](http://example.org) and [odd](HTTPS://EXAMPLE.ORG).",
  "A [backslash](/\\evil.example) link.",
  "| Left | Right | Centre |\n|:--|--:|:-:|\n| a | b | c |",
  "# Heading\n\n## Second\n\nText[^1].\n\n[^1]: A footnote.",
  "> A quotation\n>\n> -- Someone",
  "```js\nconst x = 1 < 2;\n```\n\n```\n<script>alert(1)</script>\n```",
  "- one\n- two\n\n1. a\n2. b\n\nTerm\n: Definition",
  "Text with ==mark==, ++insert++, H~2~O, x^2^ and “quotes” — dashes…",
  "> [!NOTE]\n> An alert.",
  "Raw <b>bold</b> HTML goes to the sanitiser.",
  "Attributes {.govuk-body} go to the sanitiser.\n{onclick=alert(1)}",
  "An autolink <https://example.org> and an email <press@example.gov.uk>.",
  '![Alt text](/images/x.png "Title")',
  '[Link with title](https://example.org "a title") and [ref][r].\n\n[r]: https://example.org/ref',
  "Entities &copy; &amp; &lt;script&gt; &#x2F; &quot;",
];

test("the fast path gives the sanitiser's own result for every body of every archive and edge case", () => {
  const corpus = generateCorpusItems({ n: 1500, seed: 7 }).items.map((item) => splitFrontMatter(itemFile(item)).body);
  const bodies = [
    ...bodiesIn("content/news"),
    ...bodiesIn("tests/fixtures/site/news"),
    ...bodiesIn("tests/fixtures/hostile-bodies/news"),
    ...bodiesIn("tests/fixtures/leaks/news"),
    ...corpus,
    ...EDGE_CASES,
  ];
  assert.ok(bodies.length > 1500);
  let taken = 0;
  let linked = 0;
  for (const body of bodies) {
    const { references, ...rendered } = fast(body);
    assert.deepEqual(rendered, reference(body), body.slice(0, 200));
    // The links and images the fast path finds on the way are findReferences' own.
    if (references) {
      assert.deepEqual(references, findReferences(rendered.html), body.slice(0, 200));
      if (references.links.length + references.images.length > 0) linked++;
    }
    if (!body.includes("<") && !body.includes("{") && fast(body).removed.length === 0) taken++;
  }
  assert.ok(linked > 10, `${linked} clean bodies with links or images`);
  // Not vacuous: most generated bodies are plain Markdown, and the fast path takes them.
  const plain = corpus.filter((body) => {
    const html = reference(body);
    return html.removed.length === 0 && !body.includes("<") && !body.includes("{");
  });
  assert.ok(plain.length > corpus.length / 2, `${plain.length} of ${corpus.length} plain`);
  assert.ok(taken >= plain.length);
});

const checkCases: Array<{ markdown: string; html: string; clean: boolean }> = [
  { markdown: "x", html: '<p class="govuk-body">x <a href="https://example.org" class="govuk-link">y</a></p>', clean: true },
  { markdown: "x", html: '<p><a href="//evil.example">y</a></p>', clean: false },
  { markdown: "x", html: '<p><a href="javascript:alert(1)">y</a></p>', clean: false },
  { markdown: "x", html: '<p><a href="/\\evil.example">y</a></p>', clean: false },
  { markdown: "x", html: '<p><img src="data:image/png;base64,AAAA" alt=""></p>', clean: false },
  { markdown: "x", html: '<p onclick="x">y</p>', clean: false },
  { markdown: "x", html: '<p class="evil">y</p>', clean: false },
  { markdown: "x", html: '<th style="text-align:right">y</th>', clean: false },
  { markdown: "x", html: "<script>alert(1)</script>", clean: false },
  { markdown: "<b>x</b>", html: "<p><b>x</b></p>", clean: false },
  { markdown: "x {.a}", html: "<p>x</p>", clean: false },
];
for (const { markdown, html, clean } of checkCases) {
  test(`isCleanPlainMarkdown(${JSON.stringify(markdown)}, ${JSON.stringify(html)}) is ${clean}`, () => {
    assert.equal(isCleanPlainMarkdown(markdown, html), clean);
  });
}
