/**
 * A fast path for reading front matter (lib/content/load.ts parseYamlFrontMatter): plain front matter is read
 * with js-yaml, much faster than the `yaml` package's document model, which the loader keeps for everything
 * else because it refuses aliases before expanding them and reports errors by line and column.
 *
 * Saves: loading a large archive on the build's main thread; measured in docs/performance.md (npm run bench).
 *
 * When: only for a block with no anchor or alias (`&`, `*`), no tag (`!`), no `__proto__` and no `_` (which the two
 * parsers read differently in numbers), that js-yaml reads without error as a mapping. Anything else, including
 * every error, goes to the `yaml` path, which gives the message. The plain twin is parseYamlFrontMatter's `yaml`
 * path: a test checks both give the same data on every sample, fixture and generated file and on YAML edge cases.
 */
import jsYaml from "js-yaml";

/** The block's data when the fast path may read it, else undefined (the caller uses the `yaml` package). */
export function readPlainFrontMatter(source: string): Record<string, unknown> | undefined {
  if (/[&*!_]/.test(source)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
