import { test } from "node:test";
import assert from "node:assert/strict";
import { GLYPHS, brandOf, contrastRatio, faviconSvg, foregroundFor, icoFile, initialsOf, webManifest } from "../../../lib/content/favicon.ts";

const initials: Array<[string, string]> = [
  ["Gov Tech News", "GT"],
  ["news", "N"],
  ["Département du numérique", "DD"],
  ["  NHS  Digital weekly", "ND"],
  ["10 Downing Street", "1D"],
  ["«»", "N"],
];
for (const [title, expected] of initials) {
  test(`initialsOf(${JSON.stringify(title)}) is ${expected}`, () => {
    assert.equal(initialsOf(title), expected);
  });
}

test("brandOf: site data's colour and initials, else GOV.UK blue and the title's initials", () => {
  assert.deepEqual(brandOf({ title: "Gov Tech News" }), { colour: "#1d70b8", initials: "GT" });
  assert.deepEqual(brandOf({ title: "Gov Tech News", brand: { colour: "#00703C", initials: "gn" } }), { colour: "#00703c", initials: "GN" });
  assert.deepEqual(brandOf({ title: "Gov Tech News", brand: { colour: "#d4351c" } }), { colour: "#d4351c", initials: "GT" });
});

const foregrounds: Array<[string, string]> = [
  ["#1d70b8", "#ffffff"],
  ["#0b0c0c", "#ffffff"],
  ["#ffdd00", "#0b0c0c"],
  ["#ffffff", "#0b0c0c"],
];
for (const [colour, expected] of foregrounds) {
  test(`foregroundFor(${colour}) is ${expected}, with at least 4.5:1 contrast`, () => {
    assert.equal(foregroundFor(colour), expected);
    assert.ok(contrastRatio(colour, expected) >= 4.5);
  });
}

test("every glyph stays on its 4 × 6 grid; A to Z and 0 to 9 are all there", () => {
  assert.deepEqual(Object.keys(GLYPHS).sort(), [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].sort());
  for (const [c, strokes] of Object.entries(GLYPHS)) {
    for (const stroke of strokes) {
      assert.ok(stroke.length >= 2, `${c}: a stroke of one point`);
      for (const [x, y] of stroke) assert.ok(x >= 0 && x <= 4 && y >= 0 && y <= 6, `${c}: (${x}, ${y}) is off the grid`);
    }
  }
});

test("faviconSvg: the brand colour, initials as one path inside the square, rounded or not", () => {
  const svg = faviconSvg({ colour: "#1d70b8", initials: "GT" });
  assert.match(
    svg,
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#1d70b8"\/><path d="[^"]+" fill="none" stroke="#ffffff"/,
  );
  const numbers = [...svg.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(numbers.length > 10 && numbers.every((v) => v >= 8 && v <= 56), "the letters keep a margin inside the square");
  assert.ok(!faviconSvg({ colour: "#1d70b8", initials: "GT" }, { rounded: false }).includes("rx="));
  assert.notEqual(faviconSvg({ colour: "#1d70b8", initials: "G" }), svg);
  assert.equal(faviconSvg({ colour: "#1d70b8", initials: "GT" }), svg, "the same brand, the same bytes");
});

test("icoFile: header, one entry per image (256 written as 0) and the PNGs at their offsets", () => {
  const a = new Uint8Array([1, 2, 3]);
  const b = new Uint8Array([4, 5]);
  const ico = icoFile([
    { size: 16, png: a },
    { size: 256, png: b },
  ]);
  const view = new DataView(ico.buffer);
  assert.deepEqual([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)], [0, 1, 2]);
  assert.deepEqual([ico[6], ico[7], view.getUint16(10, true), view.getUint16(12, true), view.getUint32(14, true), view.getUint32(18, true)], [16, 16, 1, 32, 3, 38]);
  assert.deepEqual([ico[22], ico[23], view.getUint32(30, true), view.getUint32(34, true)], [0, 0, 2, 41]);
  assert.deepEqual([...ico.slice(38)], [1, 2, 3, 4, 5]);
  assert.throws(() => icoFile([{ size: 300, png: a }]), /size 300/);
});

test("webManifest: the site's name and language, the brand colour and the icons, as stable JSON", () => {
  const manifest = webManifest({ title: `Tom & "Jerry"`, language: "en-GB" }, { colour: "#1d70b8", initials: "TJ" });
  assert.deepEqual(JSON.parse(manifest), {
    name: `Tom & "Jerry"`,
    lang: "en-GB",
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#1d70b8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  });
  assert.ok(manifest.endsWith("}\n"));
});
