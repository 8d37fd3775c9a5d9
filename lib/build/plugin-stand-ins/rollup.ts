// Rollup for the GOV.UK plugin's files, loaded on first use (../plugin-stand-ins.ts): what they use of it.
import type * as Rollup from "rollup";

export async function rollup(...args: Parameters<typeof Rollup.rollup>): ReturnType<typeof Rollup.rollup> {
  return (await import("rollup")).rollup(...args);
}
