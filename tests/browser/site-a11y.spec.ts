// Every page of the built site passes axe with the WCAG 2.2 AA rule set, with its stylesheet loaded.
import { test, expect } from "./csp.ts";
import { SITES, axeProblems, htmlPages, type SiteName } from "./sites.ts";

test.setTimeout(300_000);

test("every page passes axe (WCAG 2.2 AA) with CSS loaded", async ({ page }, info) => {
  const site = SITES[info.project.name as SiteName];
  const pages = htmlPages(site.output);
  expect(pages.length).toBeGreaterThan(10);
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    // A canary for a missing stylesheet: GOV.UK Frontend sets the body margin to 0.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin), `CSS on ${path}`).toBe("0px");
    problems.push(...(await axeProblems(page, path)));
  }
  expect(problems).toEqual([]);
});
