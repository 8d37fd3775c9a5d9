/** The two sites the browser tests run against: the sample content and the fixture content. */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";

export const FIXTURE_NOW = "2026-11-20T12:00:00Z";

export const SITES = {
  // Fixture content: enough items to paginate, hostile strings, drafts and embargoed items; fixed "now".
  fixture: { content: "tests/fixtures/site", output: "_test-site/fixture", port: 8765, now: FIXTURE_NOW },
  // The sample content editors see, built as production would be.
  sample: { content: "content", output: "_test-site/sample", port: 8766, now: undefined },
} as const;

export type SiteName = keyof typeof SITES;

/** Every built file whose name passes `keep`, as a URL path ("/news/x/index.html"), sorted. */
export function builtFiles(output: string, keep: (name: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(entry.name)) files.push("/" + path.relative(output, full).split(path.sep).join("/"));
    }
  };
  walk(output);
  return files.sort();
}

/** Every HTML page of a built site as a URL path ("/", "/news/x/", "/404.html"), sorted. */
export function htmlPages(output: string): string[] {
  return builtFiles(output, (name) => name.endsWith(".html")).map((p) => (p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p));
}

/** axe with the WCAG 2.2 AA rule set on the loaded page, as one line per violation ("/path: rule: targets"). */
export async function axeProblems(page: Page, label: string, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => `${label}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
