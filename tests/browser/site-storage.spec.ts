// What the cookies page promises (/cookies/, lib/content/legal-pages.ts): without analytics in site data, no page
// stores anything on the reader's device: no cookie, nothing in local or session storage, no IndexedDB database.
// Each page is loaded with its scripts, and its storage read after they have run.
import { test, expect } from "./csp.ts";
import { SITES, htmlPages, type SiteName } from "./sites.ts";

test.setTimeout(300_000);

test("no page sets a cookie or stores anything in the browser", async ({ page, context }, info) => {
  const site = SITES[info.project.name as SiteName];
  const pages = htmlPages(site.output);
  expect(pages).toContain("/cookies/");
  const stored: string[] = [];
  for (const path of pages) {
    await page.goto(path, { waitUntil: "load" });
    const found = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).map((d) => d.name ?? ""),
    }));
    if (found.cookie || found.local.length || found.session.length || found.databases.length) stored.push(`${path}: ${JSON.stringify(found)}`);
  }
  const cookies = await context.cookies();
  expect(cookies.map((c) => `${c.name} (${c.domain})`)).toEqual([]);
  expect(stored).toEqual([]);
});
