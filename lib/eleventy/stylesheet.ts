/**
 * Our stylesheet (GOV.UK Frontend plus _includes/govnews.scss), compiled exactly as the GOV.UK plugin's Sass
 * extension compiles a template (src/extensions/scss.js): same importer, load paths, quiet dependencies,
 * compressed. It is compiled in the render-ahead worker (about 1 s of Sass on the main thread otherwise), and
 * here on the main thread only as the fallback, where a Sass error is reported as the build's error.
 */
import * as sass from "sass";

export interface StylesheetSource {
  /** SCSS source. */
  source: string;
  /** Folders relative imports are resolved against, as the plugin's: template folder, includes, node_modules, root. */
  loadPaths: string[];
}

export function compileStylesheet({ source, loadPaths }: StylesheetSource): string {
  return sass.compileString(source, {
    importers: [new sass.NodePackageImporter()],
    loadPaths,
    quietDeps: true,
    style: "compressed",
  }).css;
}
