// A site built to disk with an SVG lead image and a JPEG one: the SVG lead image is shared as a PNG drawn from it,
// the raster lead image as it is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { buildSite } from "../../scripts/build-site.ts";

const NOW = "2026-11-20T12:00:00Z";
const SITE = "https://leaks.example.org";
let tmp: string;
let output: string;
const read = (file: string) => fs.readFileSync(path.join(output, file), "utf8");

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-pictures-"));
  // The leak fixture's published items (one with an SVG lead image), and one more with a JPEG lead image.
  const content = path.join(tmp, "content");
  fs.cpSync("tests/fixtures/leaks", content, { recursive: true });
  const images = path.join(content, "images");
  await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#1d70b8" } })
    .jpeg()
    .toFile(path.join(images, "photo.jpg"));
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
      "Text.",
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
