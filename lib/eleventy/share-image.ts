/**
 * The image a page shows when it is shared (Open Graph og:image, X's summary_large_image card): the item's lead
 * image when it is a raster file, a PNG rendering of it when it is an SVG, else the site's default share image.
 * Most platforms ignore SVG (and AVIF), and a 144-pixel logo is below Facebook's 200-pixel minimum, so the
 * default is a 1200×630 PNG card made at build time from the site's logo (renderShareCard), and an SVG lead image
 * is drawn into a PNG 1200 pixels wide (renderSvgShareImage; lib/eleventy/images.ts makes and caches it), each
 * named by a fingerprint of what it is made from.
 */
import fs from "node:fs";
import path from "node:path";
import type { Article } from "../content/model.ts";
import type { SiteData } from "../content/schema.ts";
import { fingerprint, hashedAssetPath } from "./asset-names.ts";

/** The card's size: the 1.91:1 ratio Facebook, LinkedIn and X show large. */
export const SHARE_CARD = { width: 1200, height: 630 } as const;
/** The logo's box on the card; the logo is scaled to fit it, keeping its shape. */
const LOGO_BOX = 400;
/** Light grey (GOV.UK's light-grey) behind the logo, GOV.UK blue for the band along the bottom. */
const BACKGROUND = "#f3f2f1";
const BAND = { colour: "#1d70b8", height: 30 } as const;
/** Changes whenever the card's drawing changes, so its name (and so every page's og:image) changes with it. */
const CARD_VERSION = "share-card-1";

/** Changes whenever how an SVG is drawn into its share PNG changes, so its name (images.ts) changes with it. */
export const SVG_SHARE_VERSION = "svg-share-1";

/** Raster formats sharing platforms show. */
const RASTER = /\.(png|jpe?g|gif|webp)$/i;

export interface ShareImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** Known for the default card only; a lead image's size is not read. */
  width?: number;
  height?: number;
}

/** The default card: its site path and what it is made from (the logo's bytes, when the logo is a file in the site). */
export interface ShareCard {
  path: string;
  alt: string;
  logo?: Uint8Array;
}

/** Whether an image path or URL names a raster file that sharing platforms show. */
export function isRasterImage(src: string): boolean {
  const pathname = /^https:\/\//i.test(src) ? (URL.canParse(src) ? new URL(src).pathname : "") : src;
  return RASTER.test(pathname);
}

function absolute(src: string, siteUrl: string): string {
  return /^https:\/\//i.test(src) ? src : new URL(src, siteUrl).href;
}

/** The default card for a site: reads the logo (a validated path under /images/) from the content folder. */
export function shareCardFor(site: Pick<SiteData, "title" | "logo">, contentRoot: string): ShareCard {
  const logo = site.logo?.startsWith("/images/") ? new Uint8Array(fs.readFileSync(path.join(contentRoot, site.logo))) : undefined;
  const hash = fingerprint(Buffer.concat([Buffer.from(`${CARD_VERSION}\n`), logo ?? new Uint8Array()]));
  return { path: hashedAssetPath("share", hash, ".png"), alt: site.title, ...(logo ? { logo } : {}) };
}

/** An SVG lead image's PNG rendering: its site path (under /assets/hashed/) and size. */
export interface SvgShareImage {
  path: string;
  width: number;
  height: number;
}

/**
 * What a page shares: the item's lead image when it is raster, the PNG drawn from it when it is an SVG this build
 * rendered (`svgShare`), else the default card.
 */
export function shareImageFor(
  article: Pick<Article, "image"> | undefined,
  card: Pick<ShareCard, "path" | "alt">,
  siteUrl: string,
  svgShare: (src: string) => SvgShareImage | undefined = () => undefined,
): ShareImage {
  const image = article?.image;
  if (image && isRasterImage(image.src)) return { url: absolute(image.src, siteUrl), alt: image.alt };
  const drawn = image ? svgShare(image.src) : undefined;
  if (image && drawn) return { url: absolute(drawn.path, siteUrl), alt: image.alt, width: drawn.width, height: drawn.height };
  return { url: absolute(card.path, siteUrl), alt: card.alt, ...SHARE_CARD };
}

/**
 * An SVG drawn as a PNG for sharing: 1200 pixels wide (no more than 1200 tall), its shape kept, drawn at that
 * size rather than enlarged from a small rendering, on white, since platforms show a transparent PNG on a
 * background of their own (black, on some) that dark lines would vanish into. No date or other metadata is
 * written: the same SVG gives the same bytes.
 */
export async function renderSvgShareImage(svg: Uint8Array): Promise<{ png: Buffer; width: number; height: number }> {
  const { default: sharp } = await import("sharp");
  const { width, height } = await sharp(svg).metadata();
  if (!width || !height) throw new Error("the SVG has no size: give its <svg> element a viewBox");
  const scale = Math.min(SHARE_CARD.width / width, SHARE_CARD.width / height);
  const size = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  // libvips reads an SVG at 72 dots per inch: a density of 72 × scale draws it at the size wanted; resize then
  // corrects any rounding of a pixel.
  const png = await sharp(svg, { density: Math.min(100_000, 72 * scale) })
    .resize(size.width, size.height, { fit: "fill" })
    .flatten({ background: "#ffffff" })
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
  return { png, ...size };
}

/**
 * The card as PNG: the logo centred on a light background above a blue band, or the background and band alone
 * without a logo. No text, so no fonts: the same logo makes the same bytes on every build.
 */
export async function renderShareCard(logo: Uint8Array | undefined): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const band = await sharp({ create: { width: SHARE_CARD.width, height: BAND.height, channels: 3, background: BAND.colour } })
    .png()
    .toBuffer();
  const layers: Array<{ input: Buffer; top: number; left: number }> = [{ input: band, top: SHARE_CARD.height - BAND.height, left: 0 }];
  if (logo) {
    const scaled = await sharp(logo).resize({ width: LOGO_BOX, height: LOGO_BOX, fit: "inside" }).png().toBuffer({ resolveWithObject: true });
    const space = SHARE_CARD.height - BAND.height;
    layers.push({ input: scaled.data, top: Math.round((space - scaled.info.height) / 2), left: Math.round((SHARE_CARD.width - scaled.info.width) / 2) });
  }
  return sharp({ create: { ...SHARE_CARD, channels: 3, background: BACKGROUND } })
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Writes the card into the output folder, unless an earlier build (npm start) wrote the same name already. */
export async function writeShareCard(output: string, card: ShareCard): Promise<void> {
  const file = path.join(output, card.path);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await renderShareCard(card.logo));
}
