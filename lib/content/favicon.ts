/**
 * The site's icon (favicon) for its own brand: one or two initials on a square of the brand colour (site.json
 * `brand`), as an SVG, and the ICO container that wraps PNG renderings of it. Pure: the PNGs are rendered by the
 * Eleventy glue (lib/eleventy/favicons.ts).
 *
 * The letters are drawn as strokes on a 4 × 6 grid, not set in a font: rasterising text would depend on the fonts
 * installed where the site is built (none, on some build images), so the same site data would not give the same
 * bytes everywhere. Paths give the same picture in every browser and the same PNGs on every machine.
 */
import type { SiteData } from "./schema.ts";

type Stroke = ReadonlyArray<readonly [number, number]>;

const O: Stroke = [
  [1, 0],
  [3, 0],
  [4, 1],
  [4, 5],
  [3, 6],
  [1, 6],
  [0, 5],
  [0, 1],
  [1, 0],
];
const P: Stroke = [
  [0, 6],
  [0, 0],
  [3, 0],
  [4, 1],
  [4, 2],
  [3, 3],
  [0, 3],
];

/** Capital letters and digits as strokes, x from 0 to 4 and y from 0 (top) to 6 (baseline). */
export const GLYPHS: Readonly<Record<string, readonly Stroke[]>> = {
  A: [
    [
      [0, 6],
      [0, 2],
      [2, 0],
      [4, 2],
      [4, 6],
    ],
    [
      [0, 4],
      [4, 4],
    ],
  ],
  B: [
    [
      [0, 0],
      [0, 6],
      [3, 6],
      [4, 5],
      [4, 4],
      [3, 3],
      [0, 3],
    ],
    [
      [0, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [3, 3],
    ],
  ],
  C: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
    ],
  ],
  D: [
    [
      [0, 0],
      [0, 6],
      [2, 6],
      [4, 4],
      [4, 2],
      [2, 0],
      [0, 0],
    ],
  ],
  E: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  F: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  G: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 3],
      [2, 3],
    ],
  ],
  H: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [4, 6],
    ],
    [
      [0, 3],
      [4, 3],
    ],
  ],
  I: [
    [
      [1, 0],
      [3, 0],
    ],
    [
      [2, 0],
      [2, 6],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  J: [
    [
      [4, 0],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  K: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [0, 4],
    ],
    [
      [1, 3],
      [4, 6],
    ],
  ],
  L: [
    [
      [0, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  M: [
    [
      [0, 6],
      [0, 0],
      [2, 3],
      [4, 0],
      [4, 6],
    ],
  ],
  N: [
    [
      [0, 6],
      [0, 0],
      [4, 6],
      [4, 0],
    ],
  ],
  O: [O],
  P: [P],
  Q: [
    O,
    [
      [2, 4],
      [4, 6],
    ],
  ],
  R: [
    P,
    [
      [2, 3],
      [4, 6],
    ],
  ],
  S: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 2],
      [1, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  T: [
    [
      [0, 0],
      [4, 0],
    ],
    [
      [2, 0],
      [2, 6],
    ],
  ],
  U: [
    [
      [0, 0],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 0],
    ],
  ],
  V: [
    [
      [0, 0],
      [2, 6],
      [4, 0],
    ],
  ],
  W: [
    [
      [0, 0],
      [1, 6],
      [2, 3],
      [3, 6],
      [4, 0],
    ],
  ],
  X: [
    [
      [0, 0],
      [4, 6],
    ],
    [
      [4, 0],
      [0, 6],
    ],
  ],
  Y: [
    [
      [0, 0],
      [2, 3],
      [4, 0],
    ],
    [
      [2, 3],
      [2, 6],
    ],
  ],
  Z: [
    [
      [0, 0],
      [4, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  "0": [
    O,
    [
      [3, 1],
      [1, 5],
    ],
  ],
  "1": [
    [
      [1, 1],
      [2, 0],
      [2, 6],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  "2": [
    [
      [0, 1],
      [1, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [0, 6],
      [4, 6],
    ],
  ],
  "3": [
    [
      [0, 1],
      [1, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
    [
      [1, 3],
      [3, 3],
    ],
  ],
  "4": [
    [
      [3, 6],
      [3, 0],
      [0, 4],
      [4, 4],
    ],
  ],
  "5": [
    [
      [4, 0],
      [0, 0],
      [0, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  "6": [
    [
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 4],
      [3, 3],
      [0, 3],
    ],
  ],
  "7": [
    [
      [0, 0],
      [4, 0],
      [1, 6],
    ],
  ],
  "8": [
    [
      [1, 0],
      [3, 0],
      [4, 1],
      [4, 2],
      [3, 3],
      [1, 3],
      [0, 4],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 4],
      [3, 3],
    ],
    [
      [1, 3],
      [0, 2],
      [0, 1],
      [1, 0],
    ],
  ],
  "9": [
    [
      [4, 3],
      [1, 3],
      [0, 2],
      [0, 1],
      [1, 0],
      [3, 0],
      [4, 1],
      [4, 5],
      [3, 6],
      [1, 6],
    ],
  ],
};

export interface Brand {
  /** "#1d70b8" */
  colour: string;
  /** One or two capital letters or digits. */
  initials: string;
}

/** GOV.UK's blue, when site data gives no colour. */
export const DEFAULT_BRAND_COLOUR = "#1d70b8";

/** The first letters (or digits) of the first two words of a title, in capitals: "Gov Tech News" → "GT". */
export function initialsOf(title: string): string {
  const words = title
    .normalize("NFKD")
    // Accents dropped (é → E), so they do not split a word.
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => w[0])
      .join("") || "N"
  );
}

/** The icon's colour and initials, from site data or its defaults. */
export function brandOf(site: Pick<SiteData, "title" | "brand">): Brand {
  return { colour: (site.brand?.colour ?? DEFAULT_BRAND_COLOUR).toLowerCase(), initials: (site.brand?.initials ?? initialsOf(site.title)).toUpperCase() };
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White initials, or GOV.UK's black on a light brand colour: whichever contrasts more. */
export function foregroundFor(colour: string): string {
  return contrastRatio(colour, "#ffffff") >= contrastRatio(colour, "#0b0c0c") ? "#ffffff" : "#0b0c0c";
}

/** Numbers in a path, without trailing zeros: "12.5", "7". */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The icon as SVG, 64 × 64: initials centred on the brand colour. `rounded` gives the square rounded corners (the
 * SVG and ICO icons); the apple-touch icon is a full square, since iOS rounds it itself.
 */
export function faviconSvg(brand: Brand, { rounded = true }: { rounded?: boolean } = {}): string {
  const glyphs = [...brand.initials].map((c) => GLYPHS[c] ?? GLYPHS.N!);
  // Grid units: each glyph 4 wide, 2 between glyphs, 6 high; scaled to fit 44 × 32 of the 64-unit square.
  const units = glyphs.length * 4 + (glyphs.length - 1) * 2;
  const scale = Math.min(44 / units, 32 / 6);
  const left = (64 - units * scale) / 2;
  const top = (64 - 6 * scale) / 2;
  const d = glyphs
    .flatMap((strokes, i) => strokes.map((stroke) => stroke.map(([x, y], j) => `${j === 0 ? "M" : "L"}${n(left + (i * 6 + x) * scale)} ${n(top + y * scale)}`).join("")))
    .join("");
  const width = n(Math.max(4, scale * 1.1));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64"${rounded ? ` rx="10"` : ""} fill="${brand.colour}"/>` +
    `<path d="${d}" fill="none" stroke="${foregroundFor(brand.colour)}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>` +
    `</svg>\n`
  );
}

/**
 * An ICO file holding PNG images (one per size, each at most 256 pixels square): the container every browser
 * reads at /favicon.ico. Layout: a 6-byte header, a 16-byte entry per image, then the PNGs.
 */
export function icoFile(images: ReadonlyArray<{ size: number; png: Uint8Array }>): Uint8Array {
  const header = 6 + 16 * images.length;
  const total = header + images.reduce((sum, image) => sum + image.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // 1: icon
  view.setUint16(4, images.length, true);
  let offset = header;
  images.forEach((image, i) => {
    if (!Number.isInteger(image.size) || image.size < 1 || image.size > 256) throw new RangeError(`icoFile: size ${image.size} is not 1 to 256`);
    const entry = 6 + 16 * i;
    out[entry] = image.size % 256; // 0 means 256
    out[entry + 1] = image.size % 256;
    out[entry + 2] = 0; // no palette
    out[entry + 3] = 0;
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, image.png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(image.png, offset);
    offset += image.png.length;
  });
  return out;
}

/**
 * The web app manifest: the name and icons a phone uses for a home-screen shortcut. Keys in a fixed order, so the
 * same site data gives the same bytes.
 */
export function webManifest(site: Pick<SiteData, "title" | "language">, brand: Brand): string {
  return `${JSON.stringify(
    {
      name: site.title,
      lang: site.language,
      start_url: "/",
      display: "browser",
      background_color: "#ffffff",
      theme_color: brand.colour,
      icons: [
        { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
        { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      ],
    },
    null,
    2,
  )}\n`;
}

/** The icon files a build writes, and the sizes of each PNG. */
export const ICON_FILES = {
  ico: { path: "/favicon.ico", sizes: [16, 32, 48] },
  svg: { path: "/icons/icon.svg" },
  png: [
    { path: "/icons/icon-192.png", size: 192 },
    { path: "/icons/icon-512.png", size: 512 },
  ],
  manifest: { path: "/icons/manifest.webmanifest" },
  // iOS asks for /apple-touch-icon.png at the root whatever a page links: the same image at both addresses.
  appleTouch: { paths: ["/icons/apple-touch-icon.png", "/apple-touch-icon.png"], size: 180 },
} as const;
