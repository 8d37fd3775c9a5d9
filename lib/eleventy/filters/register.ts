/**
 * How our filters reach templates: straight into the Nunjucks environment (every template here is Nunjucks).
 * Through eleventyConfig.addFilter each call would pass three wrappers (Eleventy's Nunjucks wrapper, which copies
 * page data onto the context, its universal-filter wrapper and its benchmark), and a large build makes hundreds of
 * thousands of calls. None of our filters reads page data from `this`; govnewsChrome reads `this.ctx`, which is
 * Nunjucks's own. (amendLibrary runs before Eleventy adds its filters, so names must not clash: ours start with
 * "govnews".)
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type nunjucks from "nunjucks";
import { markSafe } from "../libraries.ts";

// Filters take what templates give them; each group types its own parameters.
type Filter = (...args: never[]) => unknown;

export interface FilterGroup {
  /** Filters whose result is text, escaped where it is printed. */
  text?: Record<string, Filter>;
  /**
   * Filters whose result is markup our own code built from escaped or sanitised parts (bodies, list entries, page
   * chrome, JSON-LD, feeds): printed as it is.
   */
  markup?: Record<string, (...args: never[]) => string>;
}

export function addFilters(eleventyConfig: UserConfig, groups: readonly FilterGroup[]): void {
  eleventyConfig.amendLibrary("njk", (env: nunjucks.Environment) => registerFilters(env, groups));
}

/** Our filters into a Nunjucks environment, with escaping on (also used by the component render tests). */
export function registerFilters(env: nunjucks.Environment, groups: readonly FilterGroup[]): void {
  const filters = new Map<string, Filter>();
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group.text ?? {})) filters.set(name, fn);
    for (const [name, fn] of Object.entries(group.markup ?? {})) {
      filters.set(name, function (this: unknown, ...args: never[]) {
        return markSafe(fn.apply(this, args));
      });
    }
  }
  // Escaping is the default: every value printed in any template (ours, GOV.UK Frontend's, the GOV.UK plugin's
  // components) is HTML-escaped unless it is markup from a markup filter or a `*Html` param printed with `| safe`.
  // The GOV.UK plugin creates this environment with autoescape off; Nunjucks reads the option at render time.
  (env as unknown as { opts: { autoescape: boolean } }).opts.autoescape = true;
  for (const [name, fn] of filters) env.addFilter(name, fn as (...args: unknown[]) => unknown);
}
