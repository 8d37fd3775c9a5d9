// Sass for the GOV.UK plugin's files, loaded on first use (../plugin-stand-ins.ts): what they use of it.
import { createRequire } from "node:module";
import type * as Sass from "sass";

const load = () => createRequire(import.meta.url)("sass") as typeof Sass;

export function compileString(...args: Parameters<typeof Sass.compileString>): ReturnType<typeof Sass.compileString> {
  return load().compileString(...args);
}

export function compile(...args: Parameters<typeof Sass.compile>): ReturnType<typeof Sass.compile> {
  return load().compile(...args);
}

/** Constructs Sass's own importer (a constructor that returns an object gives that object to `new`). */
export const NodePackageImporter = function NodePackageImporter(entryPointDirectory?: string): Sass.NodePackageImporter {
  return new (load().NodePackageImporter)(entryPointDirectory);
} as unknown as typeof Sass.NodePackageImporter;
