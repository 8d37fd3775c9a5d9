// Feeds opened in a browser: the XSL stylesheet renders each RSS feed as a readable page that passes axe.
import { test, expect } from "./csp.ts";
import { SITES, axeProblems, builtFiles, type SiteName } from "./sites.ts";

test.setTimeout(300_000);

test("every RSS feed renders as a readable page that explains feeds and passes axe", async ({ page }, info) => {
  const site = SITES[info.project.name as SiteName];
  const feeds = builtFiles(site.output, (name) => name === "feed.xml");
  expect(feeds.length).toBeGreaterThan(5);
  const problems: string[] = [];
  for (const feed of feeds) {
    await page.goto(feed);
    await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
    await expect(page.getByText("This is a web feed.")).toBeVisible();
    await expect(page.getByRole("link", { name: "all the ways to get updates" })).toHaveAttribute("href", "/subscribe/");
    // Chromium 15x injects its own "XSLT is being removed" banner (<xslt-warning-banner>) into the page;
    // it is the browser's, not ours, so it is left out of the check.
    problems.push(...(await axeProblems(page, feed, ["xslt-warning-banner"])));
  }
  expect(problems).toEqual([]);
});
