/**
 * The compiled stylesheet kept on disk between builds, under a key made of everything it is compiled from.
 *
 * Saves: compiling GOV.UK Frontend and _includes/govnews.scss with Sass on every build, though its inputs rarely
 * change; measured in docs/performance.md (npm run bench). Without a cached entry the render-ahead worker
 * compiles it (lib/eleventy/stylesheet.ts). The key also names the fingerprinted stylesheet
 * (lib/eleventy/asset-names.ts), since it is known before any page renders.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { StylesheetSource } from "../eleventy/stylesheet.ts";

/** Where compiled stylesheets are kept between builds (Netlify keeps node_modules between builds). */
export const STYLESHEET_CACHE_DIR = path.join("node_modules", ".cache", "govnews");

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  // Walk up to the package's own package.json (its exports may hide it).
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return `${name}@${(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version}`;
}

function scssFilesIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith(".scss") && !entry.parentPath.split(path.sep).includes("node_modules"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A key for everything the compiled CSS depends on: the source, the load paths, every .scss file in the
 * project folders among them (local partials), and the versions of Sass and GOV.UK Frontend (`pkg:` imports).
 */
export function stylesheetCacheKey({ source, loadPaths }: StylesheetSource, projectFolders: string[]): string {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify({ source, loadPaths, packages: [packageVersion("sass"), packageVersion("govuk-frontend")] }));
  for (const file of projectFolders.flatMap(scssFilesIn)) hash.update(`\0${file}\0`).update(fs.readFileSync(file));
  return hash.digest("hex").slice(0, 32);
}

export function readCachedStylesheet(key: string, cacheDir = STYLESHEET_CACHE_DIR): string | undefined {
  try {
    return fs.readFileSync(path.join(cacheDir, `stylesheet-${key}.css`), "utf8");
  } catch {
    return undefined;
  }
}

/** Best effort: a build never fails because its cache cannot be written. */
export function writeCachedStylesheet(key: string, css: string, cacheDir = STYLESHEET_CACHE_DIR): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const file = path.join(cacheDir, `stylesheet-${key}.css`);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, css);
    fs.renameSync(temporary, file);
  } catch {
    // read-only node_modules, full disk: compile again next time
  }
}
