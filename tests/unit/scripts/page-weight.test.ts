import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import {
  budgetProblems,
  cssResources,
  htmlResources,
  jsResources,
  largestCandidate,
  measurePage,
  resolveReference,
  transferredBytes,
  type PageWeight,
  type ResourceRef,
  type WeightLimits,
} from "../../../scripts/page-weight.ts";

const referenceCases: Array<[string, string, string | undefined]> = [
  ["/assets/x.css", "/news/a/", "/assets/x.css"],
  ["./x.js", "/assets/hashed/main.js", "/assets/hashed/x.js"],
  ["../images/y.png", "/assets/css/site.css", "/assets/images/y.png"],
  ["photo.avif?v=2#top", "/news/a/", "/news/a/photo.avif"],
  ["/images/a%20b.svg", "/", "/images/a b.svg"],
  ["  /padded.css  ", "/", "/padded.css"],
  ["https://cdn.example.org/x.js", "/", undefined],
  ["//cdn.example.org/x.js", "/", undefined],
  ["data:image/svg+xml,<svg></svg>", "/", undefined],
  ["", "/", undefined],
];
for (const [reference, base, expected] of referenceCases) {
  test(`resolveReference(${JSON.stringify(reference)}, ${base})`, () => assert.equal(resolveReference(reference, base), expected));
}

const srcsetCases: Array<[string, string | undefined]> = [
  ["/a-320.avif 320w, /a-1280.avif 1280w, /a-640.avif 640w", "/a-1280.avif"],
  ["/a.png 1x, /a@2x.png 2x", "/a@2x.png"],
  ["/only.jpg", "/only.jpg"],
  ["", undefined],
];
for (const [srcset, expected] of srcsetCases) {
  test(`largestCandidate(${JSON.stringify(srcset)})`, () => assert.equal(largestCandidate(srcset), expected));
}

const htmlCases: Array<{ name: string; html: string; resources: ResourceRef[] }> = [
  {
    name: "stylesheet, module script and modulepreload; alternate links and JSON-LD are not loaded",
    html: `<link rel="stylesheet" href="/s.css"><link rel="alternate" href="/feed.xml"><link rel="canonical" href="https://x.org/"><script type="module" src="/m.js"></script><link rel="modulepreload" href="/dep.js"><script type="application/ld+json">{}</script><script>inline()</script>`,
    resources: [
      { kind: "css", url: "/s.css" },
      { kind: "js", url: "/m.js" },
      { kind: "js", url: "/dep.js" },
    ],
  },
  {
    name: "icons, preloads by their `as`; the manifest is not counted",
    html: `<link rel="icon" href="/favicon.ico"><link rel="shortcut icon" href="/i.svg"><link rel="apple-touch-icon" href="/t.png"><link rel="manifest" href="/m.webmanifest"><link rel="preload" as="font" href="/f.woff2" crossorigin><link rel="preload" as="fetch" href="/data.json">`,
    resources: [
      { kind: "images", url: "/favicon.ico" },
      { kind: "images", url: "/i.svg" },
      { kind: "images", url: "/t.png" },
      { kind: "fonts", url: "/f.woff2" },
    ],
  },
  {
    name: "a <picture> counts its first supported source's largest candidate, not its <img>",
    html: `<picture><source type="image/jxl" srcset="/p.jxl 1280w"><source type="image/avif" srcset="/p-640.avif 640w, /p-1280.avif 1280w"><source type="image/webp" srcset="/p-1280.webp 1280w"><img src="/p-640.jpeg" srcset="/p-1280.jpeg 1280w" alt=""></picture>`,
    resources: [{ kind: "images", url: "/p-1280.avif" }],
  },
  {
    name: "a <picture> with no supported source falls back to its <img>; plain images by srcset, else src",
    html: `<picture><source type="image/jxl" srcset="/p.jxl"><img src="/p.jpeg" alt=""></picture><img src="/a.svg" alt=""><img src="/b-320.png" srcset="/b-320.png 320w, /b-960.png 960w" alt=""><img alt="no source">`,
    resources: [
      { kind: "images", url: "/p.jpeg" },
      { kind: "images", url: "/a.svg" },
      { kind: "images", url: "/b-960.png" },
    ],
  },
  {
    name: "references resolve against the page; other origins are not the site's weight",
    html: `<img src="photo.svg" alt=""><img src="https://elsewhere.example/x.png" alt=""><script src="//cdn.example/x.js"></script>`,
    resources: [{ kind: "images", url: "/news/a/photo.svg" }],
  },
];
for (const { name, html, resources } of htmlCases) {
  test(`htmlResources: ${name}`, () => assert.deepEqual(htmlResources(html, "/news/a/").resources, resources));
}

test("htmlResources: the classes the page's elements carry", () => {
  assert.deepEqual([...htmlResources(`<div class="a  b"><p class="c">x</p></div>`, "/").classes].sort(), ["a", "b", "c"]);
});

const cssCases: Array<{ name: string; css: string; resources: ResourceRef[] }> = [
  {
    name: "the first url() of each @font-face, relative to the stylesheet",
    css: `@font-face{font-family:"A";src:url("../fonts/a.woff2") format("woff2"),url("../fonts/a.woff") format("woff")}@font-face{font-family:"B";src:url(/fonts/b.woff2)}`,
    resources: [
      { kind: "fonts", url: "/assets/fonts/a.woff2" },
      { kind: "fonts", url: "/fonts/b.woff2" },
    ],
  },
  {
    name: "images of rules for classes the page uses, or no class; not of rules for others",
    css: `.used{background:url("/i/used.svg")}.unused::before{background-image:url('/i/unused.svg')}body{background:url(/i/body.png)}@supports(mask-position:initial){.unused,.other{mask-image:url("/i/nested.svg")}.used .x{mask-image:url("/i/nested-used.svg")}}`,
    resources: [
      { kind: "images", url: "/i/used.svg" },
      { kind: "images", url: "/i/body.png" },
      { kind: "images", url: "/i/nested-used.svg" },
    ],
  },
  {
    name: "@import (either form); data: URLs and comments are not loaded",
    css: `@import "base.css";@import url("/print.css") print;/* .used{background:url(/i/commented.svg)} */.used{background:url("data:image/svg+xml,<svg></svg>")}`,
    resources: [
      { kind: "css", url: "/assets/css/base.css" },
      { kind: "css", url: "/print.css" },
    ],
  },
];
for (const { name, css, resources } of cssCases) {
  test(`cssResources: ${name}`, () => assert.deepEqual(cssResources(css, "/assets/css/site.css", new Set(["used"])), resources));
}

const jsCases: Array<[string, string, string[]]> = [
  ["import named", `import { initAll } from "./govuk-frontend.min.js";initAll();`, ["/assets/govuk-frontend.min.js"]],
  ["import default and namespace", `import a from "/a.js"\nimport * as b from '../b.js'`, ["/a.js", "/b.js"]],
  ["bare import and re-export", `import "./side.js";export { x } from "./x.js";`, ["/assets/side.js", "/assets/x.js"]],
  ["dynamic import and strings are not static imports", `const m = import("./lazy.js"); const s = "import './no.js'";`, []],
];
for (const [name, js, urls] of jsCases) {
  test(`jsResources: ${name}`, () =>
    assert.deepEqual(
      jsResources(js, "/assets/main.js").map((r) => r.url),
      urls,
    ));
}

test("transferredBytes: text gzipped at level 6, compressed formats as they are", () => {
  const text = Buffer.from("body{color:red}".repeat(100));
  assert.equal(transferredBytes("/s.css", text), zlib.gzipSync(text, { level: 6 }).length);
  assert.ok(transferredBytes("/s.css", text) < text.length);
  assert.equal(transferredBytes("/i.svg", text), zlib.gzipSync(text, { level: 6 }).length);
  for (const name of ["/p.avif", "/p.webp", "/p.jpeg", "/i.png", "/f.woff2", "/favicon.ico"]) assert.equal(transferredBytes(name, text), text.length, name);
});

const site = new Map<string, string>([
  [
    "/news/a/index.html",
    `<link rel="stylesheet" href="/s.css"><script type="module" src="/m.js"></script><div class="hero"></div><img src="/p.png" alt=""><img src="/p.png" alt="the same image again">`,
  ],
  ["/s.css", `@font-face{src:url(/f.woff2)}.hero{background:url(/hero.svg)}.footer{background:url(/crest.svg)}`],
  ["/m.js", `import "./dep.js";`],
  ["/dep.js", `export const x = 1;`],
  ["/f.woff2", "FONT"],
  ["/hero.svg", "<svg/>"],
  ["/p.png", "PNGDATA"],
]);
const read = (url: string) => (site.has(url) ? Buffer.from(site.get(url)!) : undefined);

test("measurePage: follows stylesheets and scripts, counts each file once, sums by kind", () => {
  const weight = measurePage("/news/a/", read);
  assert.deepEqual(
    weight.resources.map((r) => `${r.kind} ${r.url}`),
    ["html /news/a/", "css /s.css", "js /m.js", "images /p.png", "fonts /f.woff2", "images /hero.svg", "js /dep.js"],
  );
  assert.deepEqual(weight.counts, { html: 1, css: 1, js: 2, fonts: 1, images: 2 });
  assert.equal(weight.bytes.fonts, 4);
  assert.equal(weight.bytes.images, 7 + transferredBytes("/hero.svg", Buffer.from("<svg/>")));
  assert.equal(
    weight.bytes.total,
    weight.resources.reduce((sum, r) => sum + r.transferred, 0),
  );
  assert.equal(weight.bytes.html, transferredBytes("/news/a/index.html", Buffer.from(site.get("/news/a/index.html")!)));
});

test("measurePage: a page naming a file the site does not have is an error naming both", () => {
  assert.throws(() => measurePage("/missing/", read), /\/missing\/ needs \/missing\/, which the site does not have/);
  const broken = (url: string) => (url === "/index.html" ? Buffer.from(`<script src="/gone.js"></script>`) : undefined);
  assert.throws(() => measurePage("/", broken), /^Error: \/ needs \/gone\.js, which the site does not have$/);
});

const weight = (bytes: Partial<WeightLimits>): PageWeight => ({
  page: "/news/a/",
  resources: [],
  bytes: { html: 0, css: 0, js: 0, fonts: 0, images: 0, total: 0, ...bytes },
  counts: { html: 1, css: 1, js: 1, fonts: 0, images: 1 },
});
const limits: WeightLimits = { html: 8000, css: 27000, js: 15000, fonts: 0, images: 9000, total: 58000 };
const measured: WeightLimits = { html: 6442, css: 22366, js: 12022, fonts: 0, images: 7090, total: 47920 };
const budgetCases: Array<{ name: string; bytes: Partial<WeightLimits>; problems: string[] }> = [
  { name: "all within", bytes: measured, problems: [] },
  { name: "exactly at the limits", bytes: limits, problems: [] },
  {
    name: "one kind over",
    bytes: { ...measured, css: 30000, total: 55554 },
    problems: ["/news/a/: css is 30,000 bytes gzipped, 3,000 over its limit of 27,000 (22,366 when the limit was set: +7,634)"],
  },
  {
    name: "a font where there were none, and the total",
    bytes: { ...measured, fonts: 20000, total: 67920 },
    problems: [
      "/news/a/: fonts is 20,000 bytes gzipped, 20,000 over its limit of 0 (0 when the limit was set: +20,000)",
      "/news/a/: total is 67,920 bytes gzipped, 9,920 over its limit of 58,000 (47,920 when the limit was set: +20,000)",
    ],
  },
];
for (const { name, bytes, problems } of budgetCases) {
  test(`budgetProblems: ${name}`, () => assert.deepEqual(budgetProblems(weight(bytes), limits, measured), problems));
}
