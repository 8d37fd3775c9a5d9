// Image files are what their names say: raster types by their first bytes, SVG as a plain, script-free drawing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { rasterProblem, rasterType, svgProblem } from "../../../lib/content/image-files.ts";

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF");
const GIF = bytes("GIF89a\x01\0\x01\0");
const WEBP = bytes("RIFF\x24\0\0\0WEBPVP8 ");
const AVIF = bytes([0, 0, 0, 0x1c], "ftypavif\0\0\0\0avifmif1miaf");
const AVIF_COMPATIBLE = bytes([0, 0, 0, 0x18], "ftypmif1\0\0\0\0mif1avif");
const HEIC = bytes([0, 0, 0, 0x18], "ftypheic\0\0\0\0mif1heic");

test("rasterType: each format by its signature, nothing else", () => {
  const cases: Array<[string, Buffer, ReturnType<typeof rasterType>]> = [
    ["PNG", PNG, "PNG"],
    ["JPEG", JPEG, "JPEG"],
    ["GIF89a", GIF, "GIF"],
    ["GIF87a", bytes("GIF87a\x01\0"), "GIF"],
    ["WebP", WEBP, "WebP"],
    ["AVIF by major brand", AVIF, "AVIF"],
    ["AVIF by compatible brand", AVIF_COMPATIBLE, "AVIF"],
    ["HEIC is not AVIF", HEIC, undefined],
    ["RIFF that is not WebP (a WAV file)", bytes("RIFF\x24\0\0\0WAVEfmt "), undefined],
    ["HTML", bytes("<!doctype html><script>alert(1)</script>"), undefined],
    ["JavaScript", bytes("alert(document.cookie)"), undefined],
    ["SVG text", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ["empty", bytes(""), undefined],
    ["PNG signature cut short", PNG.subarray(0, 5), undefined],
  ];
  for (const [name, data, expected] of cases) assert.equal(rasterType(data), expected, name);
  assert.equal(rasterType(fs.readFileSync("tests/fixtures/site/images/logo.png")), "PNG");
  assert.equal(rasterType(fs.readFileSync("content/images/logo.png")), "PNG");
});

test("rasterProblem: the right type passes; another image type is told how to rename; anything else is refused", () => {
  assert.equal(rasterProblem("png", PNG), undefined);
  assert.equal(rasterProblem("jpg", JPEG), undefined);
  assert.equal(rasterProblem("jpeg", JPEG), undefined);
  assert.equal(rasterProblem("gif", GIF), undefined);
  assert.equal(rasterProblem("webp", WEBP), undefined);
  assert.equal(rasterProblem("avif", AVIF), undefined);
  assert.equal(rasterProblem("png", JPEG), "is a JPEG image, not PNG: rename it to end in .jpg (and change the paths that use it)");
  assert.equal(rasterProblem("gif", WEBP), "is a WebP image, not GIF: rename it to end in .webp (and change the paths that use it)");
  assert.equal(rasterProblem("png", bytes("<html><script>alert(1)</script>")), "is not a PNG image (its contents are not an image at all): export it again as PNG, or delete it");
});

const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">';
const svg = (inner: string, open = SVG_OPEN) => `${open}${inner}</svg>`;

test("svgProblem: plain drawings pass (the sample and fixture images, and typical exports)", () => {
  for (const file of ["content/images/localgate-town-hall.svg", "content/images/nhs-app-records.svg", "tests/fixtures/site/images/lead.svg"]) {
    assert.equal(svgProblem(fs.readFileSync(file, "utf8")), undefined, file);
  }
  const plain = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: an editor -->\n' + svg('<title>A &amp; B</title><rect width="10" height="10" fill="#fff"/>'),
    svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect fill="url(#g)" style="fill: url(\'#g\'); opacity: .5"/>'),
    svg('<defs><style>.cls-1{fill:#1d70b8;transform:rotate(45deg)}</style></defs><path class="cls-1" d="M0 0h10v10z" data-name="Layer 1"/>'),
    svg(
      '<symbol id="s"><circle r="2"/></symbol><use href="#s" x="1"/><use xlink:href="#s" y="1"/>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">',
    ),
    svg('<filter id="f"><feGaussianBlur stdDeviation="1"/></filter><g filter="url(#f)" aria-hidden="true"><text x="1" y="5">Hi</text></g>'),
  ];
  for (const text of plain) assert.equal(svgProblem(text), undefined, text);
});

test("svgProblem: anything that can run script, fetch or embed is refused, with what it is", () => {
  const cases: Array<[name: string, text: string, expected: RegExp]> = [
    ["a script element", svg("<script>alert(1)</script>"), /has a <script> element, which is not allowed in an image/],
    ["a script with CDATA", svg("<script><![CDATA[alert(1)]]></script>"), /<script> element/],
    ["foreignObject with HTML", svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), /<foreignObject> element/],
    ["an event handler on the root", svg("", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">`), /has an event handler \(onload on <svg>\)/],
    ["an event handler in upper case", svg('<rect ONCLICK="alert(1)"/>'), /event handler \(ONCLICK on <rect>\)/],
    ["a link element", svg('<a href="https://evil.example/"><text>x</text></a>'), /<a> element/],
    ["an image element", svg('<image href="https://evil.example/x.png"/>'), /<image> element/],
    ["an animation that rewrites a link", svg('<set attributeName="href" to="javascript:alert(1)"/>'), /<set> element/],
    ["an iframe", svg("<iframe/>"), /<iframe> element/],
    ["use pointing outside the file", svg('<use href="https://evil.example/s.svg#x"/>'), /href points outside the file/],
    [
      "xlink:href with javascript:",
      svg('<use xlink:href="javascript:alert(1)"/>', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'),
      /xlink:href has a javascript: URL/,
    ],
    ["a data: URL", svg('<use href="data:image/svg+xml;base64,PHN2Zz4="/>'), /href has a data: URL/],
    ["javascript: hidden by entities and a tab", svg('<use href="java&#x09;script&#58;alert(1)"/>'), /href has a javascript: URL/],
    ["an external url() in a presentation attribute", svg('<rect fill="url(https://evil.example/p.svg#g)"/>'), /fill refers to something outside the file/],
    ["an external url() hidden by an entity", svg('<rect fill="u&#114;l(https://evil.example/g)"/>'), /fill refers to something outside the file/],
    ["an external url() in a style attribute", svg('<rect style="fill: url(//evil.example/g)"/>'), /style refers to something outside the file/],
    ["image-set() in a style element", svg('<style>rect { fill: image-set("https://evil.example/x.png" 1x) }</style>'), /<style> that uses the CSS function image-set\(\)/],
    ["@import in a style element", svg('<style>@import url("https://evil.example/x.css");</style>'), /<style> that uses a CSS at-rule/],
    ["a CSS escape", svg('<rect style="fill: u\\72l(https://evil.example/g)"/>'), /style uses CSS escapes/],
    ["a DOCTYPE with entities", '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + svg("<text>&b;</text>"), /has a DOCTYPE or ENTITY declaration/],
    ["a style sheet processing instruction", '<?xml-stylesheet href="https://evil.example/x.xsl"?>' + svg(""), /processing instruction <\?xml-stylesheet>/],
    ["an unknown attribute (xml:base)", svg('<g xml:base="https://evil.example/"/>'), /xml:base attribute on <g>/],
    ["editor-specific namespaces", svg('<sodipodi:namedview id="n"/>'), /<sodipodi:namedview> element/],
    ["not SVG at all", '<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(1)"/></html>', /has <html> as its root element, not <svg>/],
    ["no namespace", "<svg><rect/></svg>", /lacks xmlns="http:\/\/www.w3.org\/2000\/svg" on <svg>/],
    ["not well-formed", svg("<g><rect></g>"), /^is not well-formed SVG \(line 1: .+\)/],
    ["not XML", "alert(document.cookie)", /^is not well-formed SVG/],
    ["empty", "", /has no <svg> element|not well-formed/],
  ];
  for (const [name, text, expected] of cases) {
    const problem = svgProblem(text);
    assert.match(problem ?? "(passed)", expected, name);
    assert.match(problem!, /export it again as plain SVG \(e\.g\. through SVGOMG\), or use a PNG$/, name);
  }
});

test("svgProblem: many problems are summed up, not listed without end", () => {
  const problem = svgProblem(svg('<script/><rect onclick="x"/><a/><image/><iframe/>'))!;
  assert.match(
    problem,
    /^is not a plain SVG image: it has a <script> element, which is not allowed in an image; an event handler \(onclick on <rect>\); a <a> element, which is not allowed in an image; and 2 more\. /,
  );
});
