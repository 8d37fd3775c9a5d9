/**
 * The image a page shows when it is shared (Open Graph og:image, X's summary_large_image card): the item's lead
 * image when it is a raster file, else the site's default share image. Most platforms ignore SVG (and AVIF), and
 * a 144-pixel logo is below Facebook's 200-pixel minimum, so the default is a 1200×630 PNG card made at build
 * time from the site's logo (renderShareCard), named by a fingerprint of what it is made from.
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

/** What a page shares: the item's lead image when it is raster, else the default card. */
export function shareImageFor(article: Pick<Article, "image"> | undefined, card: Pick<ShareCard, "path" | "alt">, siteUrl: string): ShareImage {
  const image = article?.image;
  if (image && isRasterImage(image.src)) return { url: absolute(image.src, siteUrl), alt: image.alt };
  return { url: absolute(card.path, siteUrl), alt: card.alt, ...SHARE_CARD };
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
