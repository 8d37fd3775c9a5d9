// A site built to disk with images in item bodies and an SVG lead image: body images become <picture>s whose
// files are in the output, feeds keep a plain <img> with an absolute address, an SVG lead image is shared as a PNG
// drawn from it, and a raster lead image is shared as it is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { HtmlValidate } from "html-validate";
import { SITE_HTML_RULES } from "../browser/html-rules.ts";
import { buildSite } from "../../scripts/build-site.ts";

const NOW = "2026-11-20T12:00:00Z";
const SITE = "https://leaks.example.org";
let tmp: string;
let content: string;
let output: string;
const read = (file: string) => fs.readFileSync(path.join(output, file), "utf8");

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-pictures-"));
  // The leak fixture's published items (one with an SVG lead image), and one more with a JPEG lead image and a body
  // with a PNG (in Markdown and as raw HTML), a GIF and an SVG.
  content = path.join(tmp, "content");
  fs.cpSync("tests/fixtures/leaks", content, { recursive: true });
  const images = path.join(content, "images");
  await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#1d70b8" } })
    .jpeg()
    .toFile(path.join(images, "photo.jpg"));
  await sharp({ create: { width: 800, height: 400, channels: 4, background: "#00703c80" } })
    .png()
    .toFile(path.join(images, "chart.png"));
  await sharp({ create: { width: 40, height: 20, channels: 3, background: "#d4351c" } })
    .gif()
    .toFile(path.join(images, "anim.gif"));
  fs.writeFileSync(
    path.join(content, "news", "pictures.md"),
    [
      "---",
      "title: An item with pictures",
      "description: Images in the body.",
      "date: 2026-10-02T09:00:00+01:00",
      "type: news",
      "authors: [pat-public]",
      "tags: [Open data]",
      "image:",
      "  src: /images/photo.jpg",
      "  alt: A blue photo",
      "  credit: Leak Test Department",
      "---",
      'A chart: ![Spend & <savings> by "year"](/images/chart.png)',
      "",
      '<p><img src="/images/chart.png" alt="The chart again" class="app-wide" title="Raw HTML"></p>',
      "",
      "An animation ![A form being filled in](/images/anim.gif) and a map ![A map](/images/public-lead.svg).",
      "",
    ].join("\n"),
  );
  output = path.join(tmp, "out");
  const result = buildSite({ content, output, now: NOW });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];
const bodyOf = (html: string) => html.slice(html.indexOf('<div class="app-article__body'), html.indexOf("</div>", html.indexOf('<div class="app-article__body')));

test("an SVG lead image is shared as a PNG drawn from it: in the output, a PNG, with its size and the image's alt", async () => {
  const html = read("news/published-one/index.html");
  const url = meta(html, "og:image")!;
  assert.match(url, /^https:\/\/leaks\.example\.org\/assets\/hashed\/share-[0-9a-f]{16}\.png$/);
  const png = fs.readFileSync(path.join(output, url.slice(SITE.length)));
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
  const { format, width, height } = await sharp(png).metadata();
  assert.deepEqual([format, width, height], ["png", 1200, 675]);
  assert.equal(meta(html, "og:image:width"), "1200");
  assert.equal(meta(html, "og:image:height"), "675");
  assert.equal(meta(html, "og:image:alt"), "A public picture");
  // Not the site's card, which the home page shares.
  assert.notEqual(meta(read("index.html"), "og:image"), url);
});

test("a raster lead image is shared as it is", () => {
  const html = read("news/pictures/index.html");
  assert.equal(meta(html, "og:image"), `${SITE}/images/photo.jpg`);
  assert.equal(meta(html, "og:image:width"), undefined);
  assert.ok(fs.existsSync(path.join(output, "images/photo.jpg")));
});

test("body images: a PNG becomes a picture whose every file is in the output; a GIF and an SVG stay imgs", () => {
  const body = bodyOf(read("news/pictures/index.html"));
  const pictures = [...body.matchAll(/<picture>([\s\S]*?)<\/picture>/g)].map((m) => m[1]!);
  assert.equal(pictures.length, 2, body);
  const [markdown, raw] = pictures as [string, string];
  assert.match(
    markdown,
    /^<source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img src="\/assets\/hashed\/img-[0-9a-f]{16}-640\.png" srcset="[^"]+" sizes="[^"]+" alt="Spend &amp; &lt;savings&gt; by &quot;year&quot;" width="640" height="320" loading="lazy" decoding="async">$/,
  );
  assert.match(
    raw,
    /<img src="\/assets\/hashed\/img-[0-9a-f]{16}-640\.png" srcset="[^"]+" sizes="[^"]+" alt="The chart again" class="app-wide" title="Raw HTML" width="640" height="320" loading="lazy" decoding="async">$/,
  );
  const files = new Set([...markdown.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(", ").map((candidate) => candidate.split(" ")[0]!)));
  assert.equal(files.size, 6, [...files].join(", ")); // 320 and 640 of AVIF, WebP and PNG
  for (const file of files) assert.ok(fs.statSync(path.join(output, file)).size > 0, file);
  assert.match(body, /<img src="\/images\/anim\.gif" alt="A form being filled in" width="40" height="20" loading="lazy" decoding="async">/);
  assert.match(body, /<img src="\/images\/public-lead\.svg" alt="A map" width="960" height="540" loading="lazy" decoding="async">/);
  assert.ok(fs.existsSync(path.join(output, "images/chart.png")), "the original is published too (feeds show it)");
});

test("feeds keep the body's plain img, with an absolute address", () => {
  const feed = read("feed.xml");
  const item = feed.slice(feed.indexOf("An item with pictures"));
  assert.ok(item.includes(`src="${SITE}/images/chart.png"`), "the chart, absolute");
  assert.ok(!/(<|&lt;)picture/.test(feed) && !feed.includes("/assets/hashed/img-"), "no picture or processed file in the feed");
});

test("a page with no image in its body is unchanged: no picture", () => {
  assert.ok(!read("news/published-two/index.html").includes("<picture"));
});

test("a body image that does not exist fails the build with the body check's message, and nothing is published", () => {
  const broken = path.join(tmp, "broken");
  fs.cpSync(content, broken, { recursive: true });
  fs.appendFileSync(path.join(broken, "news", "pictures.md"), "\n![A missing chart](/images/missing.png)\n");
  const out = path.join(tmp, "broken-out");
  const result = buildSite({ content: broken, output: out, now: NOW });
  assert.notEqual(result.status, 0);
  assert.match(
    result.stdout + result.stderr,
    /pictures\.md:\d+:1: \(body\) has an image that points to \/images\/missing\.png, which will not exist: put the image in .*images\/missing\.png or fix the address/,
  );
  assert.ok(!fs.existsSync(out), "no site was written");
});

test("the page with body pictures is valid HTML (the rules tests/browser/site-html.spec.ts applies to every page)", async () => {
  const validator = new HtmlValidate(SITE_HTML_RULES);

  const report = await validator.validateFile(path.join(output, "news/pictures/index.html"));
  assert.deepEqual(
    report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    [],
  );
});
