// Lead- and body-image processing (lib/eleventy/images.ts) on real files: variants in the cache, reused by the next
// build without encoding again, and a new name when the image's bytes change; an SVG lead image's share PNG.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { IMAGE_CACHE_DIR, processImages, writeProcessedImages } from "../../lib/eleventy/images.ts";

async function contentWith(dir: string, colour: string): Promise<string> {
  const content = path.join(dir, "content");
  fs.mkdirSync(path.join(content, "images"), { recursive: true });
  await sharp({ create: { width: 1000, height: 500, channels: 3, background: colour } })
    .jpeg()
    .toFile(path.join(content, "images", "photo.jpg"));
  fs.writeFileSync(path.join(content, "images", "map.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"></svg>`);
  return content;
}

test("processImages: a JPEG becomes AVIF, WebP and JPEG variants in the cache; an SVG is measured; the next build encodes nothing", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-images-"));
  try {
    const content = await contentWith(root, "#1d70b8");
    const srcs = ["/images/photo.jpg", "/images/map.svg", "https://example.org/x.jpg"];
    const first = await processImages(content, root, { leads: srcs }, ["/images/photo.jpg", "/images/map.svg"]);
    const photo = first.views.get("/images/photo.jpg")!;
    assert.deepEqual(
      photo.sources?.map((s) => s.type),
      ["image/avif", "image/webp"],
    );
    assert.match(photo.src, /^\/assets\/hashed\/img-[0-9a-f]{16}-640\.jpeg$/);
    // Never wider than the source: 1000 pixels gives 320, 640 and 960.
    assert.deepEqual([photo.width, photo.height], [960, 480]);
    assert.deepEqual(first.views.get("/images/map.svg"), { src: "/images/map.svg", width: 300, height: 200 });
    assert.equal(first.views.has("https://example.org/x.jpg"), false);
    assert.deepEqual(first.sizes.get("/images/photo.jpg"), { width: 1000, height: 500 });
    // Nine variants, and the SVG lead image drawn as a PNG to share.
    assert.equal(first.files.length, 10, first.files.join(", "));
    const share = first.shares.get("/images/map.svg")!;
    assert.match(share.path, /^\/assets\/hashed\/share-[0-9a-f]{16}\.png$/);
    assert.deepEqual([share.width, share.height], [1200, 800]);
    assert.ok(first.files.includes(path.basename(share.path)));
    assert.deepEqual([...first.shares.keys()], ["/images/map.svg"]);
    const cache = path.join(root, IMAGE_CACHE_DIR);
    const mtimes = () => first.files.map((f) => fs.statSync(path.join(cache, f)).mtimeMs);
    const before = mtimes();

    const second = await processImages(content, root, { leads: srcs }, []);
    assert.deepEqual(second.files, first.files);
    assert.deepEqual(second.shares, first.shares);
    assert.deepEqual(second.views.get("/images/photo.jpg"), photo);
    assert.deepEqual(mtimes(), before, "the second build rewrote cached files");

    const output = path.join(root, "out");
    writeProcessedImages(root, output, second);
    for (const f of first.files) assert.ok(fs.readFileSync(path.join(output, "assets/hashed", f)).equals(fs.readFileSync(path.join(cache, f))), f);

    // The same name with other bytes: other variants, under other names (the SVG, the same bytes, keeps its PNG).
    const changed = await contentWith(path.join(root, "changed"), "#00703c");
    const third = await processImages(changed, root, { leads: srcs }, []);
    assert.deepEqual(
      third.files.filter((f) => first.files.includes(f)),
      [path.basename(share.path)],
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("processImages: refuses a path outside the images folder", async () => {
  await assert.rejects(processImages("tests/fixtures/site", ".", { leads: ["/images/../site.json"] }, []), /not a path under \/images\//);
});

test("processImages: body images as pictures are PNG, JPEG, WebP or AVIF only; an SVG in a body has no share PNG", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-images-"));
  try {
    const content = await contentWith(root, "#1d70b8");
    const images = path.join(content, "images");
    await sharp({ create: { width: 400, height: 300, channels: 4, background: "#00000000" } })
      .png()
      .toFile(path.join(images, "chart.png"));
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#d4351c" } })
      .gif()
      .toFile(path.join(images, "anim.gif"));
    const bodies = ["/images/chart.png", "/images/anim.gif", "/images/map.svg"];
    const processed = await processImages(content, root, { leads: [], bodies }, bodies);
    const chart = processed.views.get("/images/chart.png")!;
    assert.deepEqual(
      chart.sources?.map((s) => s.type),
      ["image/avif", "image/webp"],
    );
    // Never wider than the source: 400 pixels gives 320 only, with a PNG fallback (it may be transparent).
    assert.match(chart.src, /^\/assets\/hashed\/img-[0-9a-f]{16}-320\.png$/);
    assert.deepEqual([chart.width, chart.height], [320, 240]);
    assert.equal(processed.views.has("/images/anim.gif"), false, "a GIF is not processed");
    assert.equal(processed.views.has("/images/map.svg"), false, "an SVG only in a body is not measured here (sizes has it)");
    assert.deepEqual(processed.sizes.get("/images/anim.gif"), { width: 40, height: 30 });
    assert.equal(processed.shares.size, 0);
    assert.equal(processed.files.length, 3, processed.files.join(", "));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
