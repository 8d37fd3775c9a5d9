/**
 * List entries (the appArticleSummary component) rendered outside Eleventy, for the render-ahead worker: the
 * component's own macro (_includes/components/article-summary/macro.njk), in a Nunjucks environment with the
 * GOV.UK plugin's options (src/nunjucks.js: no autoescape, trimBlocks, lstripBlocks) and the three filters the
 * macro uses, fed with values the main thread computed. A build test checks that a site built with and without
 * the worker is byte-identical.
 */
import path from "node:path";
import nunjucks from "nunjucks";
import { formatDate } from "../content/dates.ts";
import { typeLabel } from "./view.ts";

/** What the summary macro reads of an item, with its byline already worked out. */
export interface SummaryEntry {
  slug: string;
  url: string;
  title: string;
  description: string;
  type: string;
  date: string;
  byline: Array<{ name: string }>;
}

/** Heading level and size of an entry, as the govnewsSummary filter takes them. */
export type SummaryVariant = [headingLevel: number, size: string];

export function summaryKey(slug: string, headingLevel: number, size: string): string {
  return `${slug} ${headingLevel} ${size}`;
}

export function createSummaryRenderer(includesDir: string): (entry: SummaryEntry, headingLevel: number, size: string) => string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.resolve(includesDir)), {
    autoescape: false,
    lstripBlocks: true,
    trimBlocks: true,
  });
  env.addFilter("govnewsTypeLabel", typeLabel);
  env.addFilter("govnewsDate", formatDate);
  env.addFilter("govnewsByline", (entry: SummaryEntry) => entry.byline);
  let macro: ((params: object) => unknown) | undefined;
  const template = env.getTemplate("components/article-summary/macro.njk", true) as unknown as {
    getExported(cb: (error: Error | null, exported: Record<string, unknown>) => void): void;
  };
  template.getExported((error, exported) => {
    if (error) throw error;
    macro = exported.appArticleSummary as typeof macro;
  });
  if (!macro) throw new Error("govnews: components/article-summary/macro.njk does not export appArticleSummary");
  const render = macro;
  return (entry, headingLevel, size) => String(render({ article: entry, headingLevel, size }));
}
