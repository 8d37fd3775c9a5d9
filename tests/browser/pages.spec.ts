// Pages as a reader meets them, on the fixture site (enough items to paginate, hostile strings).
import { test, expect, type Page } from "./csp.ts";
import { axeProblems } from "./sites.ts";

// Any script from content running would open a dialog: fail the test if one does.
test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
});

const entries = (page: Page) => page.locator(".app-article-summary");

test("home: 20 newest items with type, title, standfirst, byline and date, and pagination", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Latest news (page 1 of 2) - Fixture <News> & Co");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest news");
  await expect(entries(page)).toHaveCount(20);
  const second = entries(page).nth(1);
  await expect(second.locator(".app-article-summary__type")).toHaveText("Interview");
  await expect(second.getByRole("link")).toHaveText("Fixture item 23");
  await expect(second.locator(".app-article-summary__standfirst")).toHaveText("Standfirst for fixture item 23.");
  await expect(second.locator(".app-article-summary__meta")).toContainText("By Ben Plain");
  await expect(second.locator("time")).toHaveAttribute("datetime", "2026-04-26T09:00:00+01:00");
  await expect(second.locator("time")).toHaveText("26 April 2026");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByRole("link", { name: "Page 2" })).toBeVisible();
  await pagination.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/page\/2\/$/);
});

test("page 2 of the home list: the oldest items and a way back", async ({ page }) => {
  await page.goto("/page/2/");
  await expect(page).toHaveTitle("Latest news (page 2 of 2) - Fixture <News> & Co");
  await expect(entries(page)).toHaveCount(6);
  await expect(entries(page).last().getByRole("link")).toHaveText("Fixture item 01");
  await page
    .getByRole("navigation", { name: "Pagination" })
    .getByRole("link", { name: /Previous/ })
    .click();
  await expect(page).toHaveURL(/\/$/);
});

test("article: hostile title shown as text, image credit, dates, byline, topics", async ({ page }) => {
  await page.goto("/");
  await entries(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/news\/hostile-title\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`AI <script>alert(1)</script> & "policy" <img src=x onerror=alert(2)>`);
  await expect(page.locator(".app-article__type")).toHaveText("Analysis");
  await expect(page.locator(".app-article__standfirst")).toHaveText("A standfirst with <script>alert(3)</script> & an ampersand.");
  await expect(page.locator(".app-article__meta .app-byline")).toHaveText(
    `Ada "<script>alert('name')</script>" Hostile (Reporter & <b>editor</b>, Fixture Department) and Ben Plain (Correspondent, Fixture Department)`,
  );
  await expect(page.getByRole("img", { name: "A blue square with a pale circle <script>" })).toBeVisible();
  await expect(page.locator(".app-figure__credit")).toHaveText("Image: GOV.UK, Open Government Licence v3.0");
  await expect(page.locator(".app-article__meta time").first()).toHaveText("1 June 2026");
  await expect(page.getByRole("heading", { name: "Updates to this page" })).toBeVisible();
  // GOV.UK's pattern: the dates, then every change note, newest first, behind "Show all updates"; no minor edits.
  const updates = page.locator(".app-article__changes");
  await expect(updates.locator(".app-article__change-dates")).toHaveText(/^Published 1 June 2026\s+Last updated 2 June 2026$/);
  await expect(updates.getByText("Added a quote.")).toBeHidden();
  await updates.getByText("Show all updates").click();
  await expect(updates.locator("li")).toHaveText(["2 June 2026: Corrected a <script>figure</script>.", "1 June 2026: Added a quote.", "1 June 2026: First published."]);
  await page.locator(".app-article__tags").getByRole("link", { name: "Cyber Security" }).click();
  await expect(page).toHaveURL(/\/tags\/cyber-security\/$/);
});

test("withdrawn item: the page stays, with the notice and reason above the headline, noindex, and passes axe", async ({ page }) => {
  await page.goto("/news/withdrawn-item/");
  const notice = page.getByRole("region", { name: "Important" });
  await expect(notice).toContainText("This news article was withdrawn on 1 May 2026");
  await expect(notice).toContainText("SECRET WITHDRAWN reason.");
  // Above the headline, as on GOV.UK.
  const noticeBox = (await notice.boundingBox())!;
  const headingBox = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(headingBox.y);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SECRET WITHDRAWN headline");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await expect(page.locator(".app-article__meta time").first()).toHaveText("1 April 2026");
  await expect(page.locator(".app-article__body")).toHaveText("SECRET WITHDRAWN body.");
  expect(await axeProblems(page, "/news/withdrawn-item/")).toEqual([]);
});

test("tag page: merged spellings, count, newest first; topics index lists every tag once", async ({ page }) => {
  await page.goto("/tags/cyber-security/");
  await expect(page).toHaveTitle("Cyber Security - Fixture <News> & Co");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cyber Security");
  await expect(page.getByText("15 items.")).toBeVisible();
  await expect(entries(page)).toHaveCount(15);
  await page.goto("/tags/");
  await expect(page.getByRole("link", { name: "Cyber Security" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "<b>Bold</b> tag" })).toBeVisible();
});

test("everything works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" }).click();
  await expect(entries(page)).toHaveCount(6);
  await context.close();
});

test("unknown addresses get the 404 page", async ({ page }) => {
  const response = await page.goto("/news/no-such-item/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("related articles follow the author bios: heading, then type, linked title, standfirst, byline and date", async ({ page }) => {
  await page.goto("/news/item-10/");
  const related = page.locator(".app-related-articles");
  await expect(related.getByRole("heading", { level: 2 })).toHaveText("Related articles");
  const entries = related.locator(".app-article-summary");
  await expect(entries).toHaveCount(5);
  for (const entry of await entries.all()) {
    await expect(entry.locator(".app-article-summary__type")).not.toBeEmpty();
    await expect(entry.getByRole("link")).toHaveAttribute("href", /^\/news\/[a-z0-9-]+\/$/);
    await expect(entry.locator(".app-article-summary__standfirst")).not.toBeEmpty();
    await expect(entry.locator(".app-byline")).toContainText("By ");
    await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  }
  await expect(related.getByRole("link", { name: "Fixture item 10" })).toHaveCount(0);
  // After the bio blocks in document order.
  const order = await page.evaluate(() => {
    const bio = document.querySelector(".app-author-bio")!;
    const list = document.querySelector(".app-related-articles")!;
    return bio.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
});
