/** The two sites the browser tests run against: the sample content and the fixture content. */
import fs from "node:fs";
import path from "node:path";

export const FIXTURE_NOW = "2026-11-20T12:00:00Z";

export const SITES = {
  // Fixture content: enough items to paginate, hostile strings, drafts and embargoed items; fixed "now".
  fixture: { content: "tests/fixtures/site", output: "_test-site/fixture", port: 8765, now: FIXTURE_NOW },
  // The sample content editors see, built as production would be.
  sample: { content: "content", output: "_test-site/sample", port: 8766, now: undefined },
} as const;

export type SiteName = keyof typeof SITES;

/** Every HTML page of a built site as a URL path ("/", "/news/x/", "/404.html"), sorted. */
export function htmlPages(output: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) {
        const rel = "/" + path.relative(output, full).split(path.sep).join("/");
        pages.push(rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(output);
  return pages.sort();
}
