/**
 * Our stylesheet (GOV.UK Frontend plus _includes/govnews.scss), compiled exactly as the GOV.UK plugin's Sass
 * extension compiles a template (src/extensions/scss.js): same importer, load paths, quiet dependencies,
 * compressed. Kept between builds by lib/build/stylesheet-cache.ts, and compiled by the render-ahead worker
 * when the cache has no entry.
 */
import { createRequire } from "node:module";
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
