// The share image: an item's raster lead image, the PNG drawn from an SVG one, else the site's default card; the
// card's name follows the logo, and the same logo (or SVG) draws the same bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { isRasterImage, renderShareCard, renderSvgShareImage, SHARE_CARD, shareCardFor, shareImageFor } from "../../../lib/eleventy/share-image.ts";

const SITE_URL = "https://news.example.gov.uk";
const CARD = { path: "/assets/hashed/share-0123456789abcdef.png", alt: "Site <News>" };
const image = (src: string) => ({ image: { src, alt: `Alt of ${src}`, credit: "GOV.UK" } });

test("isRasterImage: PNG, JPEG, GIF and WebP, local or https; not SVG, AVIF or an extensionless URL", () => {
  for (const [src, expected] of [
    ["/images/a.png", true],
    ["/images/a.JPG", true],
    ["/images/a.jpeg", true],
    ["/images/a.gif", true],
    ["/images/a.webp", true],
    ["https://img.example.org/a.jpg?size=large", true],
    ["/images/a.svg", false],
    ["/images/a.avif", false],
    ["https://img.example.org/a.svg", false],
    ["https://img.example.org/photo", false],
    ["https://img.example.org/a.png.svg", false],
  ] as const) {
    assert.equal(isRasterImage(src), expected, src);
  }
});

test("shareImageFor: the raster lead image, absolute, with its alt; else the card with its size", () => {
  assert.deepEqual(shareImageFor(image("/images/lead.png"), CARD, SITE_URL), { url: `${SITE_URL}/images/lead.png`, alt: "Alt of /images/lead.png" });
  assert.deepEqual(shareImageFor(image("https://img.example.org/a.jpg"), CARD, SITE_URL), { url: "https://img.example.org/a.jpg", alt: "Alt of https://img.example.org/a.jpg" });
  const card = { url: `${SITE_URL}${CARD.path}`, alt: CARD.alt, width: 1200, height: 630 };
  assert.deepEqual(shareImageFor(image("/images/lead.svg"), CARD, SITE_URL), card);
  assert.deepEqual(shareImageFor({}, CARD, SITE_URL), card);
  assert.deepEqual(shareImageFor(undefined, CARD, SITE_URL), card);
});

test("shareImageFor: an SVG lead image drawn as a PNG shares that PNG, with its size and the image's alt; raster ones are unchanged", () => {
  const drawn = new Map([["/images/lead.svg", { path: "/assets/hashed/share-fedcba9876543210.png", width: 1200, height: 675 }]]);
  const svgShare = (src: string) => drawn.get(src);
  assert.deepEqual(shareImageFor(image("/images/lead.svg"), CARD, SITE_URL, svgShare), {
    url: `${SITE_URL}/assets/hashed/share-fedcba9876543210.png`,
    alt: "Alt of /images/lead.svg",
    width: 1200,
    height: 675,
  });
  // Not drawn (an https SVG, or one the build did not process): the card.
  assert.equal(shareImageFor(image("https://img.example.org/a.svg"), CARD, SITE_URL, svgShare).url, `${SITE_URL}${CARD.path}`);
  assert.equal(shareImageFor(image("/images/other.svg"), CARD, SITE_URL, svgShare).url, `${SITE_URL}${CARD.path}`);
  assert.deepEqual(shareImageFor(image("/images/lead.png"), CARD, SITE_URL, svgShare), { url: `${SITE_URL}/images/lead.png`, alt: "Alt of /images/lead.png" });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const svgCases: Array<{ name: string; svg: string; size: [number, number] }> = [
  { name: "a 16:9 chart", svg: `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><rect width="960" height="540" fill="#1d70b8"/></svg>`, size: [1200, 675] },
  { name: "a small icon, drawn large", svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 8"><circle cx="8" cy="4" r="3"/></svg>`, size: [1200, 600] },
  {
    name: "a tall diagram, no taller than 1200",
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="900"><rect width="300" height="900" fill="#00703c"/></svg>`,
    size: [400, 1200],
  },
];
for (const { name, svg, size } of svgCases) {
  test(`renderSvgShareImage: ${name} → a ${size.join("×")} PNG, opaque, the same bytes every time`, async () => {
    const bytes = new Uint8Array(Buffer.from(svg));
    const [first, second] = await Promise.all([renderSvgShareImage(bytes), renderSvgShareImage(bytes)]);
    assert.ok(first.png.equals(second.png));
    assert.deepEqual(first.png.subarray(0, 8), PNG_SIGNATURE);
    assert.deepEqual([first.width, first.height], size);
    const meta = await sharp(first.png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.hasAlpha], ["png", ...size, false]);
  });
}

test("renderSvgShareImage: drawn at its size, not enlarged from a small rendering (edges stay sharp)", async () => {
  // A 16-pixel black square on white: drawn at 1200 pixels its edge is one step from black to white; enlarged
  // from 16 pixels it would be a blur of greys many pixels wide.
  const { png } = await renderSvgShareImage(
    new Uint8Array(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="4" y="4" width="8" height="8"/></svg>`)),
  );
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const row = Array.from(data.subarray(600 * info.width, 601 * info.width));
  assert.ok(row.filter((v) => v > 10 && v < 245).length <= 2, `${row.filter((v) => v > 10 && v < 245).length} grey pixels across an edge`);
});

test("renderSvgShareImage: an SVG without a size is an error", async () => {
  await assert.rejects(renderSvgShareImage(new Uint8Array(Buffer.from("not an svg"))));
});

test("shareCardFor: named by the logo's bytes, in the hashed assets folder; a logo elsewhere is not read", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-share-"));
  fs.mkdirSync(path.join(root, "images"));
  fs.copyFileSync("tests/fixtures/site/images/logo.png", path.join(root, "images", "logo.png"));
  fs.writeFileSync(path.join(root, "images", "other.png"), "not the same bytes");
  const a = shareCardFor({ title: "Site", logo: "/images/logo.png" }, root);
  assert.match(a.path, /^\/assets\/hashed\/share-[0-9a-f]{16}\.png$/);
  assert.equal(a.alt, "Site");
  assert.ok(a.logo && a.logo.length > 0);
  assert.equal(shareCardFor({ title: "Other title", logo: "/images/logo.png" }, root).path, a.path, "the title is not drawn");
  assert.notEqual(shareCardFor({ title: "Site", logo: "/images/other.png" }, root).path, a.path);
  const none = shareCardFor({ title: "Site" }, root);
  assert.equal(none.logo, undefined);
  assert.equal(shareCardFor({ title: "Site", logo: "https://img.example.org/logo.png" }, root).path, none.path);
  fs.rmSync(root, { recursive: true, force: true });
});

test("renderShareCard: a 1200×630 PNG, the same bytes every time, with or without a logo", async () => {
  const logo = new Uint8Array(fs.readFileSync("tests/fixtures/site/images/logo.png"));
  const [first, second, plain] = await Promise.all([renderShareCard(logo), renderShareCard(logo), renderShareCard(undefined)]);
  assert.ok(first.equals(second));
  assert.ok(!first.equals(plain));
  for (const png of [first, plain]) {
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["png", SHARE_CARD.width, SHARE_CARD.height]);
  }
});
