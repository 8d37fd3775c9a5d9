// Feeds opened in a browser: the XSL stylesheet renders each RSS feed as a readable page that passes axe.
import { test, expect } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { SITES, type SiteName } from "./sites.ts";

test.setTimeout(300_000);

function rssFeeds(output: string): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(output)
    .filter((f) => f.endsWith("/feed.xml"))
    .map((f) => "/" + path.relative(output, f).split(path.sep).join("/"))
    .sort();
}

test("every RSS feed renders as a readable page that explains feeds and passes axe", async ({ page }, info) => {
  const site = SITES[info.project.name as SiteName];
  const feeds = rssFeeds(site.output);
  expect(feeds.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const feed of feeds) {
    await page.goto(feed);
    await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
    await expect(page.getByText("This is a web feed.")).toBeVisible();
    await expect(page.getByRole("link", { name: "all the ways to get updates" })).toHaveAttribute("href", "/subscribe/");
    // Chromium 15x injects its own "XSLT is being removed" banner (<xslt-warning-banner>) into the page;
    // it is the browser's, not ours, so it is left out of the check.
    const result = await new AxeBuilder({ page }).exclude("xslt-warning-banner").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    for (const v of result.violations) problems.push(`${feed}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  expect(problems).toEqual([]);
});
