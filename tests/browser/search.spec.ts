// Search (/search/, lib/eleventy/client/search.js over the Pagefind index of published items): on the sample site, as a
// reader uses it, and on the fixture site for hostile content. Both served under the production CSP (./csp.ts).
import { test, expect, type Page } from "./csp.ts";
import { axeProblems, SITES } from "./sites.ts";

const SAMPLE = `http://127.0.0.1:${SITES.sample.port}`;
const CASEBRIDGE = "AI in casework: what the Casebridge pilot does, and does not, tell us";

const results = (page: Page) => page.locator("#search-results > li");
const status = (page: Page) => page.locator("#search-status");
const searchButton = (page: Page) => page.getByRole("search", { name: "Search and filter" }).getByRole("button", { name: "Search", exact: true });

/** Fails the test on a script error, or a dialog (content running as script). */
test.beforeEach(({ page }) => {
  page.on("pageerror", (error) => {
    throw new Error(`A script error on the page: ${error.message}`);
  });
  page.on("dialog", (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
});

test("a word from one item finds it first, shown with type, title, standfirst, byline and date", async ({ page }) => {
  await page.goto(`${SAMPLE}/search/?q=Casebridge`);
  await expect(status(page)).toHaveText(/^\d+ results? for “Casebridge”$/);
  const first = results(page).first();
  await expect(first.getByRole("link")).toHaveText(CASEBRIDGE);
  await expect(first.getByRole("link")).toHaveAttribute("href", "/news/ai-casework-assistant-pilot-analysis/");
  await expect(first.locator(".app-article-summary__type")).toHaveText("Analysis");
  await expect(first.locator(".app-article-summary__standfirst")).toHaveText(/^An early evaluation of an AI tool that drafts case summaries/);
  await expect(first.locator(".app-byline")).toHaveText("By Gareth Pryce");
  await expect(first.locator("time")).toHaveText("26 October 2025");
  await expect(first.locator("time")).toHaveAttribute("datetime", "2025-10-26T00:30:00+01:00");
  await expect(page.getByRole("searchbox", { name: "Search news" })).toHaveValue("Casebridge");
});

test("the header's search box searches from any page", async ({ page }) => {
  await page.goto(`${SAMPLE}/tags/`);
  await page.getByRole("search", { name: "Site search" }).getByLabel("Search this site").fill("Casebridge");
  await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`${SAMPLE}/search/?q=Casebridge`);
  await expect(results(page).first().getByRole("link")).toHaveText(CASEBRIDGE);
});

test("a filter narrows the results, and the address keeps it", async ({ page }) => {
  await page.goto(`${SAMPLE}/search/?q=digital`);
  await expect(status(page)).toHaveText(/^\d+ results for “digital”/);
  const all = Number(/^(\d+)/.exec((await status(page).textContent()) ?? "")![1]);
  await page.getByLabel("Type").selectOption("News");
  await expect(page).toHaveURL(`${SAMPLE}/search/?q=digital&type=News`);
  await expect(status(page)).toHaveText(/^\d+ results? for “digital”/);
  const news = Number(/^(\d+)/.exec((await status(page).textContent()) ?? "")![1]);
  expect(news).toBeGreaterThan(0);
  expect(news).toBeLessThan(all);
  await expect(results(page)).toHaveCount(news);
  for (const type of await results(page).locator(".app-article-summary__type").allTextContents()) expect(type).toBe("News");
  // A topic with it: fewer still, or the same; a year outside the sample: none.
  await page.goto(`${SAMPLE}/search/?q=digital&type=News&topic=AI`);
  await expect(status(page)).toHaveText(/results? for “digital”|No results/);
  expect(await results(page).count()).toBeLessThanOrEqual(news);
  await expect(page.getByLabel("Topic")).toHaveValue("AI");
});

test("filters alone list every item they match; newest first sorts by date", async ({ page }) => {
  await page.goto(`${SAMPLE}/search/?type=Analysis&order=newest`);
  await expect(status(page)).toHaveText(/^\d+ results?$/);
  const datetimes = await results(page)
    .locator("time")
    .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute("datetime") ?? "")));
  expect(datetimes.length).toBeGreaterThan(1);
  expect(datetimes).toEqual([...datetimes].sort((a, b) => b - a));
  for (const type of await results(page).locator(".app-article-summary__type").allTextContents()) expect(type).toBe("Analysis");
});

for (const query of ["C++", '"', "<script>alert(1)</script>", "", "   ", "(", "*", "\\", "%", "a".repeat(300)]) {
  test(`the query ${JSON.stringify(query.length > 20 ? query.slice(0, 20) + "…" : query)} does not break the page`, async ({ page }) => {
    await page.goto(`${SAMPLE}/search/`);
    await page.getByRole("searchbox", { name: "Search news" }).fill(query);
    await searchButton(page).click();
    await expect(status(page)).toHaveText(query.trim() ? /results? for “|No results for “/ : "Enter words to search for, or choose a type, topic or year.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    await expect(page.getByRole("searchbox", { name: "Search news" })).toHaveValue(query);
    // What was typed is shown as text, never run or parsed as markup.
    if (query.includes("<")) await expect(status(page)).toContainText(query.trim());
    expect(await page.locator("#search-status *, main script").count()).toBe(0);
    // And the next search still works.
    await page.getByRole("searchbox", { name: "Search news" }).fill("Casebridge");
    await searchButton(page).click();
    await expect(results(page).first().getByRole("link")).toHaveText(CASEBRIDGE);
  });
}

test("hostile text in the index is shown as text (fixture site)", async ({ page }) => {
  await page.goto("/search/?q=policy");
  const hostile = results(page).filter({ hasText: "AI <script>alert(1)</script>" });
  await expect(hostile).toHaveCount(1);
  await expect(hostile.getByRole("link")).toHaveText(`AI <script>alert(1)</script> & "policy" <img src=x onerror=alert(2)>`);
  await expect(hostile.locator(".app-byline")).toContainText(`Ada "<script>alert('name')</script>" Hostile`);
  expect(await page.locator("#search-results script, #search-results img").count()).toBe(0);
});

test("drafts, embargoed and withdrawn items are not found (fixture site)", async ({ page }) => {
  for (const query of ["SECRET", "draft", "embargo", "withdrawn"]) {
    await page.goto(`/search/?q=${query}`);
    await expect(status(page)).toHaveText(/results? for “|No results for “/);
    for (const href of await results(page)
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href, query).not.toMatch(/draft-item|embargoed-item|withdrawn-item/);
    }
  }
});

test("results pages: 20 a page, with Next and Previous keeping the search (fixture site)", async ({ page }) => {
  await page.goto("/search/?q=fixture");
  await expect(status(page)).toHaveText(/^\d+ results for “fixture”, page 1 of 2$/);
  await expect(results(page)).toHaveCount(20);
  await page.getByRole("navigation", { name: "Results pages" }).getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL("/search/?q=fixture&page=2");
  await expect(status(page)).toHaveText(/, page 2 of 2$/);
  await page.getByRole("navigation", { name: "Results pages" }).getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL("/search/?q=fixture");
  await expect(results(page)).toHaveCount(20);
});

test("axe: no WCAG 2.2 AA problem on the search page with results and filters shown", async ({ page }) => {
  await page.goto(`${SAMPLE}/search/?q=digital&order=newest`);
  await expect(results(page).first()).toBeVisible();
  expect(await axeProblems(page, "/search/?q=digital")).toEqual([]);
  await page.goto(`${SAMPLE}/search/?q=zzzzqqq`);
  await expect(status(page)).toHaveText(/^No results/);
  expect(await axeProblems(page, "/search/?q=zzzzqqq")).toEqual([]);
});

test("without JavaScript the header's search box goes to the search page, which says why it cannot search and where to look", async ({ browser }) => {
  // A context of its own: the page fixture's CSP check waits on a timer, which needs JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${SAMPLE}/`);
  await page.getByRole("search", { name: "Site search" }).getByLabel("Search this site").fill("Casebridge");
  await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`${SAMPLE}/search/?q=Casebridge`);
  await expect(page.getByText("Search needs JavaScript")).toBeVisible();
  await expect(page.getByRole("link", { name: "all topics" })).toHaveAttribute("href", "/tags/");
  await expect(page.getByRole("link", { name: "all the news, newest first" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("searchbox", { name: "Search news" })).toBeHidden();
  await context.close();
});
