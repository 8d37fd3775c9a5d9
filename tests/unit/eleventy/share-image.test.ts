// The share image: an item's raster lead image, else the site's default card; the card's name follows the logo, and
// the same logo draws the same bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { isRasterImage, renderShareCard, SHARE_CARD, shareCardFor, shareImageFor } from "../../../lib/eleventy/share-image.ts";

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
