import { test } from "node:test";
import assert from "node:assert/strict";
import { absoluteUrl, absolutiseHtml } from "../../../lib/feeds/urls.ts";

const BASE = "https://news.example.gov.uk/news/council-ai/";

const urlCases: Array<[string, string, string]> = [
  ["/news/x/", "https://news.example.gov.uk", "https://news.example.gov.uk/news/x/"],
  ["/news/x/", "https://news.example.gov.uk/", "https://news.example.gov.uk/news/x/"],
  ["images/a.png", BASE, "https://news.example.gov.uk/news/council-ai/images/a.png"],
  ["../other/", BASE, "https://news.example.gov.uk/news/other/"],
  ["#notes", BASE, "https://news.example.gov.uk/news/council-ai/#notes"],
  ["https://www.gov.uk/", BASE, "https://www.gov.uk/"],
  ["?page=2", BASE, "https://news.example.gov.uk/news/council-ai/?page=2"],
];
for (const [url, base, expected] of urlCases) {
  test(`absoluteUrl(${url}, ${base})`, () => assert.equal(absoluteUrl(url, base), expected));
}

const htmlCases: Array<{ name: string; html: string; expected: string }> = [
  { name: "root-relative link", html: '<a href="/tags/ai/">AI</a>', expected: '<a href="https://news.example.gov.uk/tags/ai/">AI</a>' },
  { name: "relative image", html: '<img src="chart.png" alt="">', expected: '<img src="https://news.example.gov.uk/news/council-ai/chart.png" alt="">' },
  { name: "fragment points at the page", html: '<a href="#fn1">1</a>', expected: '<a href="https://news.example.gov.uk/news/council-ai/#fn1">1</a>' },
  {
    name: "absolute and mailto links untouched",
    html: '<a href="https://x.org/">x</a> <a href="mailto:a@b.org">m</a>',
    expected: '<a href="https://x.org/">x</a> <a href="mailto:a@b.org">m</a>',
  },
  { name: "single quotes", html: "<a href='/a/'>a</a>", expected: '<a href="https://news.example.gov.uk/a/">a</a>' },
  { name: "entities in a query survive", html: '<a href="/s/?a=1&amp;b=2">s</a>', expected: '<a href="https://news.example.gov.uk/s/?a=1&amp;b=2">s</a>' },
  {
    name: "srcset candidates",
    html: '<img srcset="/a.png 1x, /b.png 2x" src="/a.png" alt="">',
    expected: '<img srcset="https://news.example.gov.uk/a.png 1x, https://news.example.gov.uk/b.png 2x" src="https://news.example.gov.uk/a.png" alt="">',
  },
  { name: "text that looks like an attribute is not touched", html: '<p>Set href="/x" in the file</p>', expected: '<p>Set href="/x" in the file</p>' },
  { name: "no attributes at all", html: "<p>Plain</p>", expected: "<p>Plain</p>" },
];
for (const c of htmlCases) {
  test(`absolutiseHtml: ${c.name}`, () => assert.equal(absolutiseHtml(c.html, BASE), c.expected));
}
