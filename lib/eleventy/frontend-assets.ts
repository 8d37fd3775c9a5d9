/**
 * GOV.UK Frontend's files that the GOV.UK Eleventy plugin copies into every site's /assets/, and which only a site
 * with GOV.UK branding uses: the GDS Transport fonts (licensed for GOV.UK only; other sites' stylesheet names the
 * system fonts and no font file, stylesheet.ts), GOV.UK's crest (their stylesheet names none, govnews-images.scss)
 * and GOV.UK's icons, share image and web app manifest (other sites have their own, favicons.ts and
 * share-image.ts). Left out of such sites, they are never downloaded by mistake, nor published under a brand that
 * is not the site's.
 */
import fs from "node:fs";
import path from "node:path";

/** Paths under the output folder of the files a site without GOV.UK branding does not use. */
export const GOVUK_ONLY_ASSETS: readonly string[] = [
  "assets/fonts",
  "assets/manifest.json",
  "assets/images/favicon.ico",
  "assets/images/favicon.svg",
  "assets/images/govuk-crest.svg",
  "assets/images/govuk-icon-180.png",
  "assets/images/govuk-icon-192.png",
  "assets/images/govuk-icon-512.png",
  "assets/images/govuk-icon-mask.svg",
  "assets/images/govuk-opengraph-image.png",
];

/** Removes them from a built site without GOV.UK branding; a site with it keeps everything. */
export function removeUnusedFrontendAssets(output: string, govukBranding: boolean): void {
  if (govukBranding) return;
  for (const file of GOVUK_ONLY_ASSETS) fs.rmSync(path.join(output, file), { recursive: true, force: true });
}
