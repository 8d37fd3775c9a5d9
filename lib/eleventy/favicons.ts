/**
 * Writes the site icon files (lib/content/favicon.ts) into the output folder once the pages are written: the SVG,
 * PNGs rendered from it with sharp (installed with @11ty/eleventy-img), and /favicon.ico, which browsers ask for
 * on every site whatever the pages link. A site on GOV.UK (govukBranding) uses GOV.UK Frontend's icons, which
 * its pages link; /favicon.ico is then GOV.UK Frontend's own.
 *
 * The same site data gives the same bytes: the SVG is drawn from paths (no fonts), and sharp's PNG encoder
 * writes no dates or other varying metadata.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { brandOf, faviconSvg, icoFile, ICON_FILES, webManifest } from "../content/favicon.ts";
import type { SiteData } from "../content/schema.ts";

const GOVUK_FAVICON = "node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico";

async function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * (size / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
}

function write(output: string, sitePath: string, data: string | Uint8Array): void {
  const file = path.join(output, sitePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

export async function writeFavicons(output: string, site: Pick<SiteData, "title" | "brand" | "govukBranding" | "language">, root: string): Promise<void> {
  if (site.govukBranding) {
    write(output, ICON_FILES.ico.path, fs.readFileSync(path.join(root, GOVUK_FAVICON)));
    return;
  }
  const brand = brandOf(site);
  const svg = faviconSvg(brand);
  const square = faviconSvg(brand, { rounded: false });
  write(output, ICON_FILES.svg.path, svg);
  const ico = await Promise.all(ICON_FILES.ico.sizes.map(async (size) => ({ size, png: await png(svg, size) })));
  write(output, ICON_FILES.ico.path, icoFile(ico));
  for (const { path: sitePath, size } of ICON_FILES.png) write(output, sitePath, await png(svg, size));
  const touch = await png(square, ICON_FILES.appleTouch.size);
  for (const sitePath of ICON_FILES.appleTouch.paths) write(output, sitePath, touch);
  write(output, ICON_FILES.manifest.path, webManifest(site, brand));
}
