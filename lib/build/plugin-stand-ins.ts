/**
 * The GOV.UK plugin's Sass and Rollup, loaded only if it uses them.
 *
 * @x-govuk/govuk-eleventy-plugin imports Sass, Rollup and three Rollup plugins as it loads: for its default
 * stylesheet and script, written after each Eleventy run, and for .scss templates. govnews gives its own
 * stylesheet and script and has no .scss template, so none of them runs, yet loaded they hold much of the page
 * thread's memory that the plugin adds, for the whole build.
 * Saves: memory (docs/performance.md, The GOV.UK plugin's Sass and Rollup; npm run bench).
 *
 * A module resolution hook gives the plugin's own files a stand-in for each (plugin-stand-ins/): the exports the
 * plugin uses, which load the real module the first time they are called. Every other import of these modules, such as our own
 * stylesheet.ts's Sass, resolves as before. The plain twin is the plugin without the hook;
 * tests/unit/build/plugin-stand-ins.test.ts checks that the stand-ins give what the modules give, and that the
 * plugin loads none of the real modules.
 */
import { createRequire, registerHooks } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Each module the plugin imports without using it, and its stand-in. */
const STAND_INS: Record<string, string> = {
  sass: "sass.ts",
  rollup: "rollup.ts",
  "@rollup/plugin-commonjs": "rollup-plugin-commonjs.ts",
  "@rollup/plugin-node-resolve": "rollup-plugin-node-resolve.ts",
  "@rollup/plugin-terser": "rollup-plugin-terser.ts",
};

/** The folder of the plugin's own files. */
function pluginSource(): string {
  const main = createRequire(import.meta.url).resolve("@x-govuk/govuk-eleventy-plugin");
  return `${pathToFileURL(path.dirname(main)).href}/`;
}

let registered = false;

/**
 * Installs the hook in this thread, once: before the plugin is first imported (the plugin's files, once loaded,
 * keep what they imported).
 */
export function standInForPluginModules(): void {
  if (registered) return;
  registered = true;
  const source = pluginSource();
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const standIn = Object.hasOwn(STAND_INS, specifier) ? STAND_INS[specifier] : undefined;
      if (standIn && context.parentURL?.startsWith(source)) {
        return { url: new URL(`plugin-stand-ins/${standIn}`, import.meta.url).href, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
