/**
 * The Markdown library and Nunjucks environment the GOV.UK plugin registered with Eleventy (setLibrary), which
 * render our pages, and the two Nunjucks internals our filters use.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import nunjucks from "nunjucks";

export interface Libraries {
  md: { render(src: string): string };
  njk: nunjucks.Environment;
}

export type Library = <K extends keyof Libraries>(name: K) => Libraries[K];

/** Looks a library up when it is used: the GOV.UK plugin registers them after ours is added. */
export function librariesOf(eleventyConfig: UserConfig): Library {
  return (name) => {
    const found = (eleventyConfig as unknown as { libraryOverrides: Partial<Libraries> }).libraryOverrides[name];
    if (!found) throw new Error(`govnews: no ${name === "md" ? "Markdown library" : "Nunjucks environment"}; register @x-govuk/govuk-eleventy-plugin before govnews`);
    return found as Libraries[typeof name];
  };
}

// Nunjucks's SafeString maker (missing from @types/nunjucks): a value it wraps is printed without escaping.
export const { markSafe } = nunjucks.runtime as unknown as { markSafe(text: string): unknown };

/** A macro a template file exports, to call directly (without an import per use). */
export function exportedMacro(njk: nunjucks.Environment, file: string, name: string): (params: object) => unknown {
  let macro: unknown;
  // Our templates are synchronous, so the callback runs before getExported returns.
  const template = njk.getTemplate(file, true) as unknown as { getExported(cb: (error: Error | null, exported: Record<string, unknown>) => void): void };
  template.getExported((error, exported) => {
    if (error) throw error;
    macro = exported[name];
  });
  if (typeof macro !== "function") throw new Error(`govnews: ${file} does not export a macro ${name}`);
  return macro as (params: object) => unknown;
}
