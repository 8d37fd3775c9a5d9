import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sass from "sass";
import * as sassStandIn from "../../../lib/build/plugin-stand-ins/sass.ts";
import { rollup as rollupStandIn } from "../../../lib/build/plugin-stand-ins/rollup.ts";
import commonJsStandIn from "../../../lib/build/plugin-stand-ins/rollup-plugin-commonjs.ts";
import nodeResolveStandIn, { nodeResolve as namedNodeResolveStandIn } from "../../../lib/build/plugin-stand-ins/rollup-plugin-node-resolve.ts";
import terserStandIn from "../../../lib/build/plugin-stand-ins/rollup-plugin-terser.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);

test("plugin stand-ins: the GOV.UK plugin loads, and loads neither Sass nor Rollup", () => {
  // A fresh process: this one may have loaded them already.
  const script = `
    import { registerHooks } from "node:module";
    const loaded = [];
    registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
    const { standInForPluginModules } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "lib/build/plugin-stand-ins.ts")).href)});
    standInForPluginModules();
    standInForPluginModules();
    const plugin = await import("@x-govuk/govuk-eleventy-plugin");
    const before = loaded.length;
    // Imported from anywhere but the plugin's files, the modules are themselves.
    const sass = await import("sass");
    console.log(JSON.stringify({ plugin: typeof plugin.govukEleventyPlugin, loaded: loaded.slice(0, before), after: loaded.slice(before), sass: typeof sass.compileString }));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  const { plugin, loaded, after, sass } = JSON.parse(result.stdout) as { plugin: string; loaded: string[]; after: string[]; sass: string };
  assert.equal(plugin, "function");
  assert.equal(sass, "function");
  assert.ok(
    after.some((url) => /\/node_modules\/sass\//.test(url)),
    "sass itself loads for other importers",
  );
  assert.ok(!after.some((url) => url.includes("/lib/build/plugin-stand-ins/")));
  assert.deepEqual(
    loaded.filter((url) => /\/node_modules\/(sass|rollup|@rollup)\//.test(url)),
    [],
  );
  const standIns = loaded.filter((url) => url.includes("/lib/build/plugin-stand-ins/")).map((url) => path.basename(url));
  assert.deepEqual(standIns.sort(), ["rollup-plugin-commonjs.ts", "rollup-plugin-node-resolve.ts", "rollup-plugin-terser.ts", "rollup.ts", "sass.ts"]);
});

test("plugin stand-ins: Sass's stand-in compiles as Sass does, with Sass's own importer", () => {
  const sass = require("sass") as typeof Sass;
  const source = `@use "pkg:govuk-frontend/dist/govuk/settings" as settings; a { color: settings.$govuk-brand-colour; b { margin: 1px + 2px } }`;
  const options = { loadPaths: [path.join(ROOT, "node_modules")], quietDeps: true, style: "compressed" as const };
  const expected = sass.compileString(source, { ...options, importers: [new sass.NodePackageImporter()] }).css;
  const importer = new sassStandIn.NodePackageImporter();
  // Sass's classes answer no instanceof (Dart's classes): compared by prototype.
  assert.equal(Object.getPrototypeOf(importer), Object.getPrototypeOf(new sass.NodePackageImporter()));
  assert.equal(sassStandIn.compileString(source, { ...options, importers: [importer] }).css, expected);
});

test("plugin stand-ins: Rollup's and its plugins' stand-ins give what they give", async () => {
  for (const [standIn, name] of [
    [commonJsStandIn, "@rollup/plugin-commonjs"],
    [nodeResolveStandIn, "@rollup/plugin-node-resolve"],
    [namedNodeResolveStandIn, "@rollup/plugin-node-resolve"],
    [terserStandIn, "@rollup/plugin-terser"],
  ] as const) {
    const real = (require(name) as { default: () => { name: string } }).default();
    assert.equal((standIn() as { name: string }).name, real.name, name);
  }
  const input = {
    input: "entry",
    plugins: [{ name: "virtual", resolveId: (id: string) => id, load: () => "const a = 1; export default a + 1;" }],
  };
  const { rollup } = require("rollup") as typeof import("rollup");
  const expected = (await (await rollup(input)).generate({ format: "es" })).output[0].code;
  assert.equal((await (await rollupStandIn(input)).generate({ format: "es" })).output[0].code, expected);
});
