/**
 * Our stylesheet (GOV.UK Frontend plus _includes/govnews.scss), compiled exactly as the GOV.UK plugin's Sass
 * extension compiles a template (src/extensions/scss.js): same importer, load paths, quiet dependencies,
 * compressed. Kept between builds by lib/build/stylesheet-cache.ts, and compiled by the render-ahead worker
 * when the cache has no entry.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Sass from "sass";

export interface StylesheetSource {
  /** SCSS source. */
  source: string;
  /** Folders relative imports are resolved against, as the plugin's: template folder, includes, node_modules, root. */
  loadPaths: string[];
}

export function compileStylesheet({ source, loadPaths }: StylesheetSource): string {
  // Loaded on first use: Sass is several megabytes of JavaScript, and a build with a cached stylesheet, or
  // whose worker compiled it, never needs it on the main thread.
  const sass = createRequire(import.meta.url)("sass") as typeof Sass;
  return sass.compileString(source, {
    importers: [new sass.NodePackageImporter()],
    loadPaths,
    quietDeps: true,
    style: "compressed",
  }).css;
}

/**
 * Our stylesheet's source: _includes/govnews.scss with the font stack (GDS Transport only with GOV.UK branding)
 * and whether GOV.UK's crest is used (likewise),
 * and the load paths the plugin's Sass extension would give a template in the content folder. Paths are relative
 * to the working directory, as Eleventy gives them.
 */
export function govnewsStylesheet(root: string, contentDir: string, govukBranding: boolean): StylesheetSource {
  const font = govukBranding ? `"GDS Transport", arial, sans-serif` : `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;
  const relative = (folder: string) => path.relative(".", folder) || ".";
  return {
    source: `$govnews-font: (${font});\n$govnews-crest: ${govukBranding};\n` + fs.readFileSync(path.join(root, "_includes", "govnews.scss"), "utf8"),
    loadPaths: [relative(path.resolve(root, contentDir)), relative(path.join(root, "_includes")), "./node_modules", "."],
  };
}
