// @rollup/plugin-commonjs for the GOV.UK plugin's files, loaded on first use (../plugin-stand-ins.ts).
import { createRequire } from "node:module";

/** The plugin's factory: options in, a Rollup plugin out. */
type PluginFactory = (options?: unknown) => unknown;

const load = () => (createRequire(import.meta.url)("@rollup/plugin-commonjs") as { default: PluginFactory }).default;

export default function (options?: unknown): unknown {
  return load()(options);
}
