import { test } from "node:test";
import assert from "node:assert/strict";
import {
  fallbackFormat,
  formsBodyPicture,
  imageKind,
  outputFormats,
  pictureView,
  svgDimensions,
  TWO_THIRDS_SIZES,
  withBodyImageAttributes,
  type ImageVariant,
} from "../../../lib/content/responsive-image.ts";

const kindCases: Array<[string, string]> = [
  ["/images/a.jpg", "raster"],
  ["/images/a.PNG", "raster"],
  ["/images/a.webp", "raster"],
  ["/images/a.svg", "svg"],
  ["/images/A.SVG", "svg"],
  ["https://example.org/a.jpg", "external"],
  ["HTTPS://example.org/a.svg", "external"],
];
for (const [src, kind] of kindCases) test(`imageKind: ${src} is ${kind}`, () => assert.equal(imageKind(src), kind));

const formatCases: Array<[string, string[]]> = [
  ["/images/a.jpg", ["avif", "webp", "jpeg"]],
  ["/images/a.JPEG", ["avif", "webp", "jpeg"]],
  ["/images/a.png", ["avif", "webp", "png"]],
  ["/images/a.gif", ["avif", "webp", "png"]],
  ["/images/a.webp", ["avif", "webp", "png"]],
  ["/images/a.avif", ["avif", "webp", "png"]],
];
for (const [src, formats] of formatCases) {
  test(`outputFormats: ${src} → ${formats.join(", ")}`, () => {
    assert.deepEqual(outputFormats(src), formats);
    assert.equal(fallbackFormat(src), formats.at(-1));
  });
}

const svgCases: Array<{ name: string; svg: string; size: { width: number; height: number } | undefined }> = [
  { name: "width and height", svg: `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 10 10">`, size: { width: 960, height: 540 } },
  { name: "pixels, single quotes", svg: `<svg width='96px' height='54.4px'>`, size: { width: 96, height: 54 } },
  { name: "viewBox only", svg: `<?xml version="1.0"?>\n<svg viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">`, size: { width: 1200, height: 630 } },
  { name: "viewBox with commas", svg: `<svg viewBox="0,0,300,150">`, size: { width: 300, height: 150 } },
  { name: "percentages fall back to viewBox", svg: `<svg width="100%" height="100%" viewBox="0 0 40 20">`, size: { width: 40, height: 20 } },
  { name: "ems and no viewBox", svg: `<svg width="10em" height="5em">`, size: undefined },
  { name: "a zero-size viewBox", svg: `<svg viewBox="0 0 0 10">`, size: undefined },
  { name: "a broken viewBox", svg: `<svg viewBox="0 0 a b">`, size: undefined },
  { name: "not an SVG", svg: `<html><body></body></html>`, size: undefined },
  { name: "a width only on a child", svg: `<svg viewBox="0 0 8 4"><rect width="960" height="540"/></svg>`, size: { width: 8, height: 4 } },
];
for (const { name, svg, size } of svgCases) test(`svgDimensions: ${name}`, () => assert.deepEqual(svgDimensions(svg), size));

function variants(format: string, type: string, widths: number[]): ImageVariant[] {
  return widths.map((width) => ({ format, width, height: width / 2, url: `/assets/hashed/img-k-${width}.${format}`, sourceType: type }));
}

test("pictureView: sources best first without the fallback; the fallback's srcset on the img, its src near the column's width", () => {
  const view = pictureView(
    {
      jpeg: variants("jpeg", "image/jpeg", [960, 320, 640, 1280]),
      webp: variants("webp", "image/webp", [320, 640, 960, 1280]),
      avif: variants("avif", "image/avif", [320, 640, 960, 1280]),
    },
    "jpeg",
  );
  assert.deepEqual(view, {
    src: "/assets/hashed/img-k-640.jpeg",
    width: 1280,
    height: 640,
    srcset: "/assets/hashed/img-k-320.jpeg 320w, /assets/hashed/img-k-640.jpeg 640w, /assets/hashed/img-k-960.jpeg 960w, /assets/hashed/img-k-1280.jpeg 1280w",
    sizes: TWO_THIRDS_SIZES,
    sources: [
      {
        type: "image/avif",
        srcset: "/assets/hashed/img-k-320.avif 320w, /assets/hashed/img-k-640.avif 640w, /assets/hashed/img-k-960.avif 960w, /assets/hashed/img-k-1280.avif 1280w",
      },
      {
        type: "image/webp",
        srcset: "/assets/hashed/img-k-320.webp 320w, /assets/hashed/img-k-640.webp 640w, /assets/hashed/img-k-960.webp 960w, /assets/hashed/img-k-1280.webp 1280w",
      },
    ],
  });
});

test("pictureView: a source narrower than the column has one width, which is its src and size", () => {
  const view = pictureView({ png: variants("png", "image/png", [300]), avif: variants("avif", "image/avif", [300]) }, "png");
  assert.equal(view.src, "/assets/hashed/img-k-300.png");
  assert.deepEqual([view.width, view.height], [300, 150]);
  assert.deepEqual(view.sources, [{ type: "image/avif", srcset: "/assets/hashed/img-k-300.avif 300w" }]);
});

test("pictureView: no fallback variants is an error", () => {
  assert.throws(() => pictureView({ webp: variants("webp", "image/webp", [320]) }, "jpeg"), /no jpeg variants/);
});

const SIZES = new Map([
  ["/images/chart.png", { width: 1200, height: 800 }],
  ["/images/map.svg", { width: 960, height: 540 }],
]);
const bodyCases: Array<{ name: string; html: string; expected: string }> = [
  { name: "no images", html: `<p class="govuk-body">Text</p>\n`, expected: `<p class="govuk-body">Text</p>\n` },
  {
    name: "a known image gets its size and lazy loading",
    html: `<figure><img src="/images/chart.png" alt="a &gt; b &quot;q&quot;"></figure>\n`,
    expected: `<figure><img src="/images/chart.png" alt="a &gt; b &quot;q&quot;" width="1200" height="800" loading="lazy" decoding="async"></figure>\n`,
  },
  {
    name: "two images, alt before src",
    html: `<img alt="x" src="/images/map.svg"><img src="/images/chart.png" alt="y">`,
    expected: `<img alt="x" src="/images/map.svg" width="960" height="540" loading="lazy" decoding="async"><img src="/images/chart.png" alt="y" width="1200" height="800" loading="lazy" decoding="async">`,
  },
  {
    name: "a width the text gave is kept, and no height is added",
    html: `<img src="/images/chart.png" alt="y" width="10">`,
    expected: `<img src="/images/chart.png" alt="y" width="10" loading="lazy" decoding="async">`,
  },
  {
    name: "an unknown or https image is lazy only",
    html: `<img src="https://example.org/a.png" alt="a"><img src="/images/other.png" alt="b">`,
    expected: `<img src="https://example.org/a.png" alt="a" loading="lazy" decoding="async"><img src="/images/other.png" alt="b" loading="lazy" decoding="async">`,
  },
  {
    name: "a self-closing tag",
    html: `<img src="/images/map.svg" alt="" />`,
    expected: `<img src="/images/map.svg" alt="" width="960" height="540" loading="lazy" decoding="async">`,
  },
  { name: "text that mentions img", html: `<code>&lt;img src="x"&gt;</code>`, expected: `<code>&lt;img src="x"&gt;</code>` },
];
for (const { name, html, expected } of bodyCases) {
  test(`withBodyImageAttributes: ${name}`, () =>
    assert.equal(
      withBodyImageAttributes(html, (src) => SIZES.get(src)),
      expected,
    ));
}

const bodyPictureCases: Array<[string, boolean]> = [
  ["/images/a.png", true],
  ["/images/a.JPG", true],
  ["/images/a.webp", true],
  ["/images/a.avif", true],
  ["/images/a.gif", false],
  ["/images/a.GIF", false],
  ["/images/a.svg", false],
  ["https://example.org/a.png", false],
];
for (const [src, expected] of bodyPictureCases) test(`formsBodyPicture: ${src} → ${expected}`, () => assert.equal(formsBodyPicture(src), expected));

// Views as images.ts makes them: a processed PNG (and a GIF processed as some item's lead image), an SVG measured.
const chartView = pictureView(
  { png: variants("png", "image/png", [320, 640]), webp: variants("webp", "image/webp", [320, 640]), avif: variants("avif", "image/avif", [320, 640]) },
  "png",
);
const VIEWS = new Map([
  ["/images/chart.png", chartView],
  ["/images/anim.gif", { ...chartView, src: "/assets/hashed/img-gif-640.png" }],
  ["/images/map.svg", { src: "/images/map.svg", width: 960, height: 540 }],
]);
const CHART_SOURCES =
  `<source type="image/avif" srcset="/assets/hashed/img-k-320.avif 320w, /assets/hashed/img-k-640.avif 640w" sizes="${TWO_THIRDS_SIZES}">` +
  `<source type="image/webp" srcset="/assets/hashed/img-k-320.webp 320w, /assets/hashed/img-k-640.webp 640w" sizes="${TWO_THIRDS_SIZES}">`;
const CHART_IMG = `src="/assets/hashed/img-k-640.png" srcset="/assets/hashed/img-k-320.png 320w, /assets/hashed/img-k-640.png 640w" sizes="${TWO_THIRDS_SIZES}"`;
const pictureCases: Array<{ name: string; html: string; expected: string }> = [
  { name: "no images: the same string", html: `<p class="govuk-body">A <code>&lt;img&gt;</code></p>\n`, expected: `<p class="govuk-body">A <code>&lt;img&gt;</code></p>\n` },
  {
    name: "a PNG becomes a picture: AVIF and WebP sources, the PNG fallback's widths, the largest variant's size, lazy",
    html: `<p class="govuk-body"><img src="/images/chart.png" alt="Chart"></p>\n`,
    expected: `<p class="govuk-body"><picture>${CHART_SOURCES}<img ${CHART_IMG} alt="Chart" width="640" height="320" loading="lazy" decoding="async"></picture></p>\n`,
  },
  {
    name: "alt text and other attributes kept as the sanitiser escaped them",
    html: `<img alt="a &gt; b &quot;q&quot; &amp; &lt;c&gt;" class="app-wide" title="T" src="/images/chart.png" />`,
    expected: `<picture>${CHART_SOURCES}<img alt="a &gt; b &quot;q&quot; &amp; &lt;c&gt;" class="app-wide" title="T" ${CHART_IMG} width="640" height="320" loading="lazy" decoding="async"></picture>`,
  },
  {
    name: "a size the text gave is kept",
    html: `<img src="/images/chart.png" alt="" width="200">`,
    expected: `<picture>${CHART_SOURCES}<img ${CHART_IMG} alt="" width="200" loading="lazy" decoding="async"></picture>`,
  },
  {
    name: "an SVG stays an img, sized",
    html: `<img src="/images/map.svg" alt="Map">`,
    expected: `<img src="/images/map.svg" alt="Map" width="960" height="540" loading="lazy" decoding="async">`,
  },
  {
    name: "a GIF stays an img even when it was processed as a lead image",
    html: `<img src="/images/anim.gif" alt="Demo">`,
    expected: `<img src="/images/anim.gif" alt="Demo" loading="lazy" decoding="async">`,
  },
  {
    name: "an image with no processed view (missing: the body check fails the build) or https stays an img",
    html: `<img src="/images/missing.png" alt="a"><img src="https://example.org/a.png" alt="b">`,
    expected: `<img src="/images/missing.png" alt="a" loading="lazy" decoding="async"><img src="https://example.org/a.png" alt="b" loading="lazy" decoding="async">`,
  },
  {
    name: "two pictures in one paragraph",
    html: `<p><img src="/images/chart.png" alt="1"> and <img src="/images/chart.png" alt="2"></p>`,
    expected: `<p><picture>${CHART_SOURCES}<img ${CHART_IMG} alt="1" width="640" height="320" loading="lazy" decoding="async"></picture> and <picture>${CHART_SOURCES}<img ${CHART_IMG} alt="2" width="640" height="320" loading="lazy" decoding="async"></picture></p>`,
  },
];
for (const { name, html, expected } of pictureCases) {
  test(`withBodyImageAttributes with pictures: ${name}`, () =>
    assert.equal(
      withBodyImageAttributes(
        html,
        (src) => SIZES.get(src),
        (src) => VIEWS.get(src),
      ),
      expected,
    ));
}
