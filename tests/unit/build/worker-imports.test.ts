// What the build's worker threads load: each worker is a V8 heap and compiled code of its own, so a module it
// loads without need costs memory in every build (docs/performance.md). None loads the content schema's library
// (zod), the YAML parser or the content model, which the page thread has already used to check the content.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * The modules a file loads: its static imports (not `import type`), and the dynamic imports of the files listed in
 * `dynamic` (a worker's own, made as it starts). Other dynamic imports are made only on paths a worker does not take.
 */
function loaded(entry: string, dynamic: ReadonlySet<string>): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = fs.readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)";/gms)].map((m) => m[1]!);
    // A bare `import "x";` loads x too.
    specifiers.push(...[...source.matchAll(/^import\s+"([^"]+)";/gm)].map((m) => m[1]!));
    if (dynamic.has(path.relative(ROOT, file))) specifiers.push(...[...source.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith("node:"))
        packages.add(
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  };
  visit(path.join(ROOT, entry));
  return { files, packages };
}

const WORKERS: Array<{ worker: string; dynamic: string[] }> = [
  // The stylesheet's compiler (Sass) is loaded only when no compiled stylesheet is cached; it has no content code.
  { worker: "lib/build/render-ahead-worker.ts", dynamic: ["lib/build/render-ahead-worker.ts"] },
  { worker: "lib/build/search-ahead-worker.ts", dynamic: ["lib/build/search-ahead.ts"] },
  { worker: "lib/build/related-lists-worker.ts", dynamic: ["lib/build/related-lists.ts"] },
];

for (const { worker, dynamic } of WORKERS) {
  test(`${worker} loads neither the schema library, the YAML parser nor the content model`, () => {
    const { files, packages } = loaded(worker, new Set(dynamic));
    assert.ok(files.size > 3, "the walk follows the worker's imports");
    for (const library of ["zod", "yaml"]) assert.ok(!packages.has(library), `${worker} loads ${library}`);
    for (const module of ["lib/content/schema.ts", "lib/content/model.ts", "lib/content/load.ts"]) {
      assert.ok(!files.has(path.join(ROOT, module)), `${worker} loads ${module}`);
    }
  });
}

test("the walk finds the schema where it is loaded (the page thread's content loading)", () => {
  const { files, packages } = loaded("lib/content/load.ts", new Set());
  assert.ok(packages.has("zod") && packages.has("yaml"));
  assert.ok(files.has(path.join(ROOT, "lib/content/schema.ts")));
});
