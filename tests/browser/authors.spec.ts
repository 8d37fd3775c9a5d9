// Authors as readers meet them: bylines, bio blocks, the authors index and author pages (fixture site).
import { test, expect } from "./csp.ts";

test.beforeEach(({ page }) => {
  page.on("dialog", (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
});

test("an article with two authors links both names and shows two bio blocks", async ({ page }) => {
  await page.goto("/news/hostile-title/");
  const byline = page.locator(".app-article__meta .app-byline");
  await expect(byline.getByRole("link")).toHaveText([`Ada "<script>alert('name')</script>" Hostile`, "Ben Plain"]);
  const bios = page.locator(".app-author-bio");
  await expect(bios).toHaveCount(2);
  await expect(bios.nth(0).locator(".app-author-bio__bio")).toHaveText("A bio with <script>alert(‘bio’)</script> and “quotes”.");
  await expect(bios.nth(1).getByRole("link", { name: "Ben Plain’s website" })).toHaveAttribute("href", "https://example.org/ben");
  await expect(bios.nth(1).getByRole("img", { name: "Ben Plain" })).toBeVisible();
  await expect(bios.nth(1).locator(".app-author-bio__career")).toHaveText("Formerly Press officer at Other Department; now Correspondent at Fixture Department.");
  await bios
    .nth(1)
    .getByRole("link", { name: /More from Ben Plain \(\d+ items\)/ })
    .click();
  await expect(page).toHaveURL(/\/authors\/ben-plain\/$/);
});

test("an item with no author shows the organisation and no bio block", async ({ page }) => {
  await page.goto("/news/item-07/");
  await expect(page.locator(".app-article__meta .app-byline")).toHaveText("Fixture Department");
  await expect(page.locator(".app-author-bio")).toHaveCount(0);
});

test("the role shown is the one held on the publication date", async ({ page }) => {
  await page.goto("/news/item-05/"); // 31 January 2026: Ben was still a press officer
  await expect(page.locator(".app-byline__role")).toHaveText(" (Press officer, Other Department)");
  await page.goto("/news/item-23/"); // 26 April 2026: a correspondent
  await expect(page.locator(".app-byline__role")).toHaveText(" (Correspondent, Fixture Department)");
});

test("an author page lists exactly that author's items, co-authored ones included", async ({ page }) => {
  await page.goto("/authors/ada-hostile/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ada "<script>alert('name')</script>" Hostile`);
  const titles = await page.locator(".app-article-summary__title").allTextContents();
  // Ada wrote the even-numbered fixture items (except item-14, which has no author) and co-wrote the hostile item.
  const expected = [
    `AI <script>alert(1)</script> & "policy" <img src=x onerror=alert(2)>`,
    ...[24, 22, 20, 18, 16, 12, 10, 8, 6, 4, 2].map((n) => `Fixture item ${String(n).padStart(2, "0")}`),
  ];
  expect(titles.map((t) => t.trim())).toEqual(expected);
  // The list's ItemList, then the author's ProfilePage.
  const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((json) => JSON.parse(json));
  expect(blocks.map((b) => b["@type"])).toEqual(["ItemList", "ProfilePage"]);
  expect(blocks[0].itemListElement).toHaveLength(expected.length);
  const ld = blocks[1];
  expect(ld.mainEntity.name).toBe(`Ada "<script>alert('name')</script>" Hostile`);
});

test("the authors index lists every author, sorted by name, with role and item count", async ({ page }) => {
  await page.goto("/authors/");
  await expect(page.locator(".app-author-index__name")).toHaveText([`Ada "<script>alert('name')</script>" Hostile`, "Ben Plain"]);
  await expect(page.locator(".app-author-index__item").nth(1)).toContainText("Correspondent, Fixture Department");
  await expect(page.locator(".app-author-index__item").nth(1)).toContainText(/\d+ items/);
});
