// Old addresses of renamed items: every redirect in the built `_redirects` (read with Netlify's parser) answers a
// reader who follows an old link with a 301, with or without the trailing slash, and lands on the item's page.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./csp.ts";
import { SITES, type SiteName } from "./sites.ts";
import { loadRedirects } from "../../scripts/netlify-redirects.ts";

test("every old address leads with a 301 to its item's page", async ({ page, request }, info) => {
  const site = SITES[info.project.name as SiteName];
  const file = path.join(site.output, "_redirects");
  expect(fs.existsSync(file), `${file} was not built`).toBe(true);
  const rules = await loadRedirects(file);
  // Both sites show it working: the fixture's item-01 and a sample item each have an alias.
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) {
    for (const old of [rule.from, rule.from.replace(/\/$/, "")]) {
      const first = await request.get(old, { maxRedirects: 0 });
      expect(first.status(), old).toBe(301);
      expect(first.headers()["location"], old).toBe(rule.to);
      const response = await page.goto(old);
      expect(response?.status(), old).toBe(200);
      expect(new URL(page.url()).pathname, old).toBe(rule.to);
      expect(response?.request().redirectedFrom()?.url(), old).toMatch(new RegExp(`${old.replace(/[/.]/g, "\\$&")}$`));
      await expect(page.locator("h1")).toBeVisible();
    }
  }
});
