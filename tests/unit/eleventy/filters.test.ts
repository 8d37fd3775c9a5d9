// The filter groups (lib/eleventy/filters/): every govnews filter a template or virtual page uses is defined, once,
// and each is registered as text or as markup as its result requires.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { PluginContext } from "../../../lib/eleventy/build-state.ts";
import { filterGroups, type FilterGroup } from "../../../lib/eleventy/filters/index.ts";
import { resolveOptions } from "../../../lib/eleventy/options.ts";

const context: PluginContext = {
  options: resolveOptions({}, {}),
  stylesheet: { source: "", loadPaths: [] },
  pagesOfRun: (_family, pages) => pages,
  library: () => {
    throw new Error("not in this test");
  },
  build: () => {
    throw new Error("not in this test");
  },
};
// The plugin's own list, so a group added there is checked here.
const groups: FilterGroup[] = filterGroups(context);

function used(): Set<string> {
  const sources = (fs.readdirSync("_includes", { recursive: true }) as string[])
    .map(String)
    .filter((f) => f.endsWith(".njk"))
    .map((f) => fs.readFileSync(path.join("_includes", f), "utf8"));
  sources.push(...(fs.readdirSync("lib/eleventy/virtual-pages") as string[]).map((f) => fs.readFileSync(path.join("lib/eleventy/virtual-pages", f), "utf8")));
  return new Set(sources.flatMap((source) => [...source.matchAll(/\|\s*(govnews\w+)/g)].map((m) => m[1]!)));
}

test("every govnews filter the templates use is defined, and no name twice", () => {
  const names = groups.flatMap((group) => [...Object.keys(group.text ?? {}), ...Object.keys(group.markup ?? {})]);
  assert.equal(new Set(names).size, names.length, "a name in two groups");
  const inTemplates = used();
  assert.ok(inTemplates.size >= 25, `only ${inTemplates.size} filters found in the templates`);
  const missing = [...inTemplates].filter((name) => !names.includes(name));
  assert.deepEqual(missing, []);
});

test("the name separator and tag URL filters give what the templates printed before", () => {
  const text = Object.assign({}, ...groups.map((group) => group.text ?? {})) as Record<string, (...args: unknown[]) => unknown>;
  assert.deepEqual(
    [0, 1, 2].map((i) => text.govnewsNameSeparator!(i, 3)),
    ["", ", ", " and "],
  );
  assert.equal(text.govnewsTagUrl!("cyber-security"), "/tags/cyber-security/");
});
