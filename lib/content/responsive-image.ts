/**
 * What a page needs to show an image well (pure; the encoding is lib/eleventy/images.ts): which images are
 * processed into AVIF, WebP and a fallback at several widths, the `sizes` of the GOV.UK two-thirds column they
 * sit in, an SVG's size from its own markup, and the `<picture>` view of processed variants.
 */

/**
 * Widths made of a raster image: 1x and 2x of a phone's and of the two-thirds column (630 CSS pixels in GOV.UK's
 * 960-pixel page). A source narrower than a width is not enlarged: it gets fewer widths.
 */
export const IMAGE_WIDTHS: readonly number[] = [320, 640, 960, 1280];

/**
 * How wide the two-thirds column is, for `sizes`: GOV.UK's page is 960 pixels at most with 30-pixel margins
 * (15 below 641 pixels), and its columns split from 769 pixels, two thirds of the row less a 30-pixel gutter.
 */
export const TWO_THIRDS_SIZES = "(min-width: 1020px) 630px, (min-width: 769px) calc((100vw - 30px) * 2 / 3 - 30px), (min-width: 641px) calc(100vw - 60px), calc(100vw - 30px)";

export type ImageKind = "external" | "svg" | "raster";

/** An https image is shown as it is (never fetched at build time); an SVG stays SVG; a raster file is processed. */
export function imageKind(src: string): ImageKind {
  if (/^https:\/\//i.test(src)) return "external";
  return /\.svg$/i.test(src) ? "svg" : "raster";
}

/**
 * Whether a body image is shown as a <picture> of processed variants. Not an SVG, which is already sharp at every
 * size and often smaller than any encoding of it; not a GIF, which in a body is most often an animation (a screen
 * recording of a service), and whose processed variants would show its first frame only. Both stay a plain <img>.
 */
export function formsBodyPicture(src: string): boolean {
  return imageKind(src) === "raster" && !/\.gif$/i.test(src);
}

/** The fallback for browsers without AVIF or WebP: JPEG for a JPEG, PNG for anything that may be transparent. */
export function fallbackFormat(src: string): "jpeg" | "png" {
  return /\.jpe?g$/i.test(src) ? "jpeg" : "png";
}

/** The formats made of a raster source, best first (the order of `<source>` elements), the fallback last. */
export function outputFormats(src: string): Array<"avif" | "webp" | "jpeg" | "png"> {
  return ["avif", "webp", fallbackFormat(src)];
}

const LENGTH = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * An SVG's size in CSS pixels, for the width and height attributes that reserve its space: its root element's
 * `width` and `height` when both are plain numbers (or pixels), else its `viewBox`; undefined when neither says.
 */
export function svgDimensions(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return undefined;
  const [width, height] = [attribute(root, "width"), attribute(root, "height")].map((v) => (v === undefined ? undefined : LENGTH.exec(v)?.[1]));
  if (width && height && Number(width) > 0 && Number(height) > 0) return { width: Math.round(Number(width)), height: Math.round(Number(height)) };
  const box = attribute(root, "viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!box || box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2]! <= 0 || box[3]! <= 0) return undefined;
  return { width: Math.round(box[2]!), height: Math.round(box[3]!) };
}

/** One processed file, as @11ty/eleventy-img describes it. */
export interface ImageVariant {
  format: string;
  width: number;
  height: number;
  url: string;
  sourceType: string;
}

/** What the picture component prints: `sources` (best format first) only for a processed image. */
export interface PictureView {
  src: string;
  width?: number;
  height?: number;
  /** The fallback's widths, for the `<img>`'s own srcset. */
  srcset?: string;
  sizes?: string;
  sources?: Array<{ type: string; srcset: string }>;
}

/** Best first: the browser takes the first `<source>` whose type it supports. */
const FORMAT_ORDER = ["avif", "webp", "jpeg", "png", "gif"];

const srcsetOf = (variants: readonly ImageVariant[]) => variants.map((v) => `${v.url} ${v.width}w`).join(", ");

/**
 * The view of a processed image: a `<source>` per format but the fallback, the fallback's widths on the `<img>`,
 * its `src` the fallback nearest the column's width, and the largest variant's size as width and height (the
 * aspect ratio the browser reserves; the stylesheet scales it to the column).
 */
export function pictureView(variants: Readonly<Record<string, readonly ImageVariant[]>>, fallback: string, sizes = TWO_THIRDS_SIZES): PictureView {
  const base = [...(variants[fallback] ?? [])].sort((a, b) => a.width - b.width);
  const largest = base.at(-1);
  if (!largest) throw new Error(`pictureView: no ${fallback} variants`);
  const src = base.find((v) => v.width >= 640) ?? largest;
  const sources = Object.keys(variants)
    .filter((format) => format !== fallback)
    .sort((a, b) => FORMAT_ORDER.indexOf(a) - FORMAT_ORDER.indexOf(b))
    .map((format) => {
      const list = [...variants[format]!].sort((a, b) => a.width - b.width);
      return { type: list[0]!.sourceType, srcset: srcsetOf(list) };
    });
  return { src: src.url, width: largest.width, height: largest.height, srcset: srcsetOf(base), sizes, sources };
}

/** An image's size in CSS pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `<picture>` for a body image: a `<source>` per better format, then the `<img>` with its attributes as given. */
function bodyPicture(view: PictureView, attributes: string): string {
  const sizes = escapeAttribute(view.sizes ?? TWO_THIRDS_SIZES);
  const sources = (view.sources ?? []).map((s) => `<source type="${escapeAttribute(s.type)}" srcset="${escapeAttribute(s.srcset)}" sizes="${sizes}">`).join("");
  const img = attributes.replace(/\ssrc="[^"]*"/, () => ` src="${escapeAttribute(view.src)}"${view.srcset ? ` srcset="${escapeAttribute(view.srcset)}" sizes="${sizes}"` : ""}`);
  return `<picture>${sources}<img${img}`;
}

/**
 * A sanitised body's images with their size (when known, and when the text gave neither width nor height: one
 * alone would distort the other) and lazy loading: they are below the headline, standfirst and lead image. An
 * image `pictureOf` has processed variants for (formsBodyPicture) becomes a `<picture>` like the lead image's,
 * sized by its largest variant. The sanitiser's output quotes every attribute with `"` and escapes `>` and `"`
 * inside values, so a tag ends at the first `>`; this runs on that output only (our own markup, after the
 * sanitiser), so what a body may contain is still only what the sanitiser allows.
 */
export function withBodyImageAttributes(
  html: string,
  sizeOf: (src: string) => ImageSize | undefined,
  pictureOf: (src: string) => PictureView | undefined = () => undefined,
): string {
  if (!html.includes("<img")) return html;
  return html.replace(/<img\b([^>]*?)\s*\/?>/g, (_tag, attributes: string) => {
    const has = (name: string) => new RegExp(`\\s${name}="`).test(attributes);
    const src = /\ssrc="([^"]*)"/.exec(attributes)?.[1];
    const view = src !== undefined && formsBodyPicture(src) ? pictureOf(src) : undefined;
    const picture = view?.sources?.length ? view : undefined;
    const given = has("width") || has("height");
    const size = src === undefined || given ? undefined : picture?.width && picture.height ? { width: picture.width, height: picture.height } : sizeOf(src);
    let added = size ? ` width="${size.width}" height="${size.height}"` : "";
    if (!has("loading")) added += ` loading="lazy"`;
    if (!has("decoding")) added += ` decoding="async"`;
    return picture ? `${bodyPicture(picture, attributes + added)}></picture>` : `<img${attributes}${added}>`;
  });
}
