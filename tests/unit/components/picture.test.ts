import { test } from "node:test";
import assert from "node:assert/strict";
import { one, parseHtml, renderComponent, select, tagNames } from "./render.ts";
import { TWO_THIRDS_SIZES, type PictureView } from "../../../lib/content/responsive-image.ts";

const PROCESSED: PictureView = {
  src: "/assets/hashed/img-0123456789abcdef-640.jpeg",
  width: 1280,
  height: 720,
  srcset: "/assets/hashed/img-0123456789abcdef-320.jpeg 320w, /assets/hashed/img-0123456789abcdef-640.jpeg 640w",
  sizes: TWO_THIRDS_SIZES,
  sources: [
    { type: "image/avif", srcset: "/assets/hashed/img-0123456789abcdef-320.avif 320w" },
    { type: "image/webp", srcset: "/assets/hashed/img-0123456789abcdef-320.webp 320w" },
  ],
};

test("picture: a processed image is a <picture> with a source per format, best first, and a sized fallback <img>", () => {
  const doc = parseHtml(renderComponent("picture", { image: PROCESSED, alt: "A town hall", classes: "app-figure__image", eager: true }));
  const picture = one(doc, "picture");
  const sources = select(picture, "source");
  assert.deepEqual(
    sources.map((s) => [s.attribs.type, s.attribs.srcset, s.attribs.sizes]),
    [
      ["image/avif", PROCESSED.sources![0]!.srcset, TWO_THIRDS_SIZES],
      ["image/webp", PROCESSED.sources![1]!.srcset, TWO_THIRDS_SIZES],
    ],
  );
  const img = one(picture, "img.app-figure__image");
  assert.deepEqual(img.attribs, {
    class: "app-figure__image",
    src: PROCESSED.src,
    srcset: PROCESSED.srcset,
    sizes: TWO_THIRDS_SIZES,
    alt: "A town hall",
    width: "1280",
    height: "720",
    loading: "eager",
    fetchpriority: "high",
  });
  assert.deepEqual(tagNames(doc), ["picture", "source", "source", "img"]);
});

test("picture: not eager means lazy, without fetchpriority", () => {
  const img = one(parseHtml(renderComponent("picture", { image: PROCESSED, alt: "x" })), "img");
  assert.equal(img.attribs.loading, "lazy");
  assert.equal(img.attribs.decoding, "async");
  assert.equal(img.attribs.fetchpriority, undefined);
  assert.equal(img.attribs.class, undefined);
});

const plainCases: Array<{ name: string; image: PictureView; attribs: Record<string, string> }> = [
  {
    name: "an SVG with its size",
    image: { src: "/images/a.svg", width: 800, height: 450 },
    attribs: { src: "/images/a.svg", alt: "Alt", width: "800", height: "450", loading: "lazy", decoding: "async" },
  },
  { name: "an SVG of unknown size", image: { src: "/images/a.svg" }, attribs: { src: "/images/a.svg", alt: "Alt", loading: "lazy", decoding: "async" } },
  { name: "an https image", image: { src: "https://example.org/a.jpg" }, attribs: { src: "https://example.org/a.jpg", alt: "Alt", loading: "lazy", decoding: "async" } },
];
for (const { name, image, attribs } of plainCases) {
  test(`picture: ${name} is a plain <img>`, () => {
    const doc = parseHtml(renderComponent("picture", { image, alt: "Alt" }));
    assert.deepEqual(tagNames(doc), ["img"]);
    assert.deepEqual(one(doc, "img").attribs, attribs);
  });
}

test("picture: hostile alt text and addresses are escaped", () => {
  const html = renderComponent("picture", { image: { ...PROCESSED, src: `/x"><script>alert(1)</script>` }, alt: `"><script>alert("alt")</script>` });
  const doc = parseHtml(html);
  assert.ok(!tagNames(doc).includes("script"), html);
  assert.equal(one(doc, "img").attribs.alt, `"><script>alert("alt")</script>`);
});
