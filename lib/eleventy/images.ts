/**
 * Lead and body images processed at build time with @11ty/eleventy-img (sharp): each raster lead image of a page
 * this build shows, and each PNG, JPEG, WebP or AVIF image in those pages' bodies, becomes AVIF, WebP and a JPEG
 * or PNG fallback at the widths in lib/content/responsive-image.ts; an SVG stays as it is, with its size read from
 * its markup (and an SVG lead image is drawn into a PNG for sharing, share-image.ts); an https image is left alone
 * (never fetched).
 *
 * The encoded files are kept between builds in IMAGE_CACHE_DIR (Netlify keeps node_modules between deploys), named
 * by a fingerprint of the source's bytes and of everything that shapes the output (widths, formats, encoder
 * settings, sharp's and libvips's versions), with a manifest of each source's variants: a build that finds the
 * manifest and its files reads them and encodes nothing, so a rebuild encodes only new or changed images. Once the pages are written, the files the pages name are copied into the
 * output's fingerprinted folder (/assets/hashed/, cached for a year by netlify.toml), as the share card is.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import sharp from "sharp";
import {
  fallbackFormat,
  formsBodyPicture,
  IMAGE_WIDTHS,
  imageKind,
  outputFormats,
  pictureView,
  svgDimensions,
  type ImageSize,
  type ImageVariant,
  type PictureView,
} from "../content/responsive-image.ts";
import { fingerprint, HASHED_ASSETS } from "./asset-names.ts";
import { renderSvgShareImage, SHARE_CARD, SVG_SHARE_VERSION, type SvgShareImage } from "./share-image.ts";

/** Where processed images are kept between builds, under the project root. */
export const IMAGE_CACHE_DIR = path.join("node_modules", ".cache", "govnews", "images");

/** Encoder settings: part of every file's fingerprint, so changing one re-encodes every image. */
const ENCODER = {
  // AVIF at effort 2 rather than sharp's default 4: about a fifth of the encoding time for files a few per cent larger
  // (docs/performance.md).
  sharpAvifOptions: { quality: 50, effort: 2 },
  sharpWebpOptions: { quality: 75 },
  sharpJpegOptions: { quality: 80, progressive: true, mozjpeg: true },
  sharpPngOptions: { compressionLevel: 9, adaptiveFiltering: false },
} as const;
/** Changes whenever how images are processed changes in a way the settings above do not show. */
const PROCESS_VERSION = "images-1";

/** Processed files of one build: what each page shows, and which cached files to copy. */
export interface ProcessedImages {
  /** A view per image path a page shows (processed, SVG with its size); https images have none. */
  views: Map<string, PictureView>;
  /** Output file names (under /assets/hashed/) of the processed variants. */
  files: string[];
  /** The size of every image the build publishes, for images in bodies (read from the file's header). */
  sizes: Map<string, ImageSize>;
  /** The PNG drawn for sharing from each SVG lead image (its file is in `files`). */
  shares: Map<string, SvgShareImage>;
}

/** What to process: site paths under /images/, of images this build publishes. */
export interface ImagesToProcess {
  /** The pages' lead images: raster ones processed, SVG ones measured and drawn as a PNG for sharing. */
  leads: Iterable<string>;
  /** Images in the pages' bodies: those a body shows as a <picture> (formsBodyPicture) processed, no others. */
  bodies?: Iterable<string>;
}

/** The cache key of a source: its bytes and everything that shapes what is made of it. */
export function imageFingerprint(bytes: Uint8Array, src: string): string {
  const settings = JSON.stringify({ PROCESS_VERSION, widths: IMAGE_WIDTHS, formats: outputFormats(src), ENCODER, sharp: sharp.versions });
  return fingerprint(Buffer.concat([Buffer.from(settings + "\n"), bytes]));
}

/** An image file's size as browsers show it: an SVG's from its markup, a raster file's from its header (turned as its EXIF orientation says). */
async function sizeOf(file: string, src: string): Promise<ImageSize | undefined> {
  const kind = imageKind(src);
  if (kind === "external") return undefined;
  if (kind === "svg") return svgDimensions(fs.readFileSync(file, "utf8"));
  const { width, height, orientation } = await sharp(file).metadata();
  if (!width || !height) return undefined;
  return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
}

/** The cache key of an SVG's share PNG: its bytes and what draws them (sharp's and librsvg's versions). */
export function svgShareFingerprint(svg: Uint8Array): string {
  const settings = JSON.stringify({ SVG_SHARE_VERSION, width: SHARE_CARD.width, sharp: sharp.versions });
  return fingerprint(Buffer.concat([Buffer.from(settings + "\n"), svg]));
}

/**
 * Processes the given image paths (site paths under /images/, already checked by the content schema and
 * limited to what this build publishes): raster files into the cache folder, SVGs measured, SVG lead images drawn
 * as PNGs into it. Sources are processed one at a time, each with sharp's own threads, to keep memory flat on a
 * large archive.
 */
export async function processImages(contentRoot: string, root: string, { leads, bodies = [] }: ImagesToProcess, published: readonly string[]): Promise<ProcessedImages> {
  const cacheDir = path.resolve(root, IMAGE_CACHE_DIR);
  const views = new Map<string, PictureView>();
  const files = new Set<string>();
  const shares = new Map<string, SvgShareImage>();
  const leadSet = new Set(leads);
  const imagesDir = path.resolve(contentRoot, "images") + path.sep;
  const fileOf = (src: string) => {
    const file = path.resolve(contentRoot, "." + src);
    if (!file.startsWith(imagesDir)) throw new Error(`govnews: refusing to process ${JSON.stringify(src)}: not a path under /images/`);
    return file;
  };
  const sizes = new Map<string, ImageSize>();
  for (const src of published) {
    const size = await sizeOf(fileOf(src), src);
    if (size) sizes.set(src, size);
  }
  const srcs = new Set([...leadSet, ...[...bodies].filter(formsBodyPicture)]);
  for (const src of [...srcs].sort()) {
    const kind = imageKind(src);
    if (kind === "external") continue;
    const file = fileOf(src);
    if (kind === "svg") {
      views.set(src, { src, ...(sizes.get(src) ?? (await sizeOf(file, src))) });
      if (leadSet.has(src)) {
        const share = await svgShare(file, src, cacheDir);
        files.add(path.basename(share.path));
        shares.set(src, share);
      }
      continue;
    }
    const bytes = fs.readFileSync(file);
    const key = imageFingerprint(bytes, src);
    const metadata = readManifest(cacheDir, key) ?? (await encode(file, src, key, cacheDir));
    for (const variant of Object.values(metadata).flat()) files.add(path.basename(variant.url));
    views.set(src, pictureView(metadata, fallbackFormat(src)));
  }
  return { views, files: [...files].sort(), sizes, shares };
}

/** An SVG's share PNG from the cache, drawn into it first if it is not there. */
async function svgShare(file: string, src: string, cacheDir: string): Promise<SvgShareImage> {
  const svg = fs.readFileSync(file);
  const name = `share-${svgShareFingerprint(svg)}.png`;
  const cached = path.join(cacheDir, name);
  if (fs.existsSync(cached)) {
    const { width, height } = await sharp(cached).metadata();
    return { path: HASHED_ASSETS + name, width: width!, height: height! };
  }
  let drawn: Awaited<ReturnType<typeof renderSvgShareImage>>;
  try {
    drawn = await renderSvgShareImage(svg);
  } catch (error) {
    throw new Error(`govnews: could not draw ${src} as a PNG to share: ${(error as Error).message}`, { cause: error });
  }
  // Written whole and renamed into place, as the manifests are: a file in the cache is always complete.
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(`${cached}.${process.pid}`, drawn.png);
  fs.renameSync(`${cached}.${process.pid}`, cached);
  return { path: HASHED_ASSETS + name, width: drawn.width, height: drawn.height };
}

/** What was made of a source, kept beside its files: a later build (or an npm start rebuild) reads it and encodes nothing. */
function manifestPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, `img-${key}.json`);
}

/** A source's variants from the cache, when its manifest and every file it names are there. */
function readManifest(cacheDir: string, key: string): Record<string, ImageVariant[]> | undefined {
  const file = manifestPath(cacheDir, key);
  if (!fs.existsSync(file)) return undefined;
  const metadata = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, ImageVariant[]>;
  const complete = Object.values(metadata)
    .flat()
    .every((v) => fs.existsSync(path.join(cacheDir, path.basename(v.url))));
  return complete ? metadata : undefined;
}

/** Encodes a source's variants into the cache with eleventy-img, then writes their manifest. */
async function encode(file: string, src: string, key: string, cacheDir: string): Promise<Record<string, ImageVariant[]>> {
  // By path, not bytes: eleventy-img keeps every call's key in memory for the process's life, and a Buffer's key
  // is its bytes spelt out as JSON. Our fingerprint in the options keys it by content all the same.
  const made = (await Image(file, {
    govnewsFingerprint: key,
    widths: [...IMAGE_WIDTHS],
    formats: outputFormats(src),
    outputDir: cacheDir,
    urlPath: HASHED_ASSETS,
    // Every format of a source always: a transparent PNG keeps its PNG fallback, and an animated GIF is shown by
    // its fallback's first frame like any other.
    formatFiltering: false,
    concurrency: Math.max(1, os.availableParallelism()),
    filenameFormat: (_id: string, _src: string, width: number, format: string) => `img-${key}-${width}.${format}`,
    ...ENCODER,
  })) as Record<string, ImageVariant[]>;
  const metadata = Object.fromEntries(
    Object.entries(made).map(([format, list]) => [format, list.map(({ format, width, height, url, sourceType }) => ({ format, width, height, url, sourceType }))]),
  );
  // Written last and renamed into place: a manifest names only files that are complete.
  const manifest = manifestPath(cacheDir, key);
  fs.writeFileSync(`${manifest}.${process.pid}`, JSON.stringify(metadata));
  fs.renameSync(`${manifest}.${process.pid}`, manifest);
  return metadata;
}

/** Copies the processed files the pages name from the cache into the output's fingerprinted folder. */
export function writeProcessedImages(root: string, output: string, processed: ProcessedImages): void {
  const cacheDir = path.resolve(root, IMAGE_CACHE_DIR);
  const target = path.join(output, HASHED_ASSETS);
  fs.mkdirSync(target, { recursive: true });
  for (const name of processed.files) fs.copyFileSync(path.join(cacheDir, name), path.join(target, name));
}
