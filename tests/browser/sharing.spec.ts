// Share links and print on an item page of the fixture site: plain links without JavaScript; with it, "Copy link"
// copies the page's address; printed, the item and its address without navigation, boxes and lists.
import { test, expect } from "./csp.ts";

const ITEM = "/news/item-05/";
const ADDRESS = "https://fixture.example.org/news/item-05/";

test("share links: email, LinkedIn and Bluesky links, and a Copy link button that copies the address", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(ITEM);
  const share = page.getByRole("region", { name: "Share this page" });
  await expect(share.getByRole("link", { name: "Share by Email" })).toHaveAttribute("href", /^mailto:\?subject=/);
  await expect(share.getByRole("link", { name: "Share on LinkedIn" })).toHaveAttribute(
    "href",
    `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(ADDRESS)}`,
  );
  await expect(share.getByRole("link", { name: "Share on Bluesky" })).toHaveAttribute("href", /^https:\/\/bsky\.app\/intent\/compose\?text=/);
  await expect(share.getByRole("link", { name: "Link to this page" })).toHaveCount(0);
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ADDRESS);
});

test("share links without JavaScript: the copy link is a plain link to the page", async ({ browser, baseURL }) => {
  // A context of its own: the CSP fixture's checks run script in the test's pages.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await context.newPage();
    await page.goto(ITEM);
    const share = page.getByRole("region", { name: "Share this page" });
    await expect(share.getByRole("link", { name: "Link to this page" })).toHaveAttribute("href", ADDRESS);
    await expect(share.getByRole("button")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("print: headline, standfirst, byline, dates, body and the address; no navigation, boxes, lists or footer", async ({ page }) => {
  await page.goto(ITEM);
  await expect(page.locator(".app-print-url")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  for (const selector of [".app-article__title", ".app-article__standfirst", ".app-article__meta .app-byline", ".app-article__meta time", ".app-article__body", ".app-print-url"]) {
    await expect(page.locator(selector).first(), selector).toBeVisible();
  }
  await expect(page.locator(".app-print-url")).toHaveText(`This page: ${ADDRESS}`);
  for (const selector of [
    ".govuk-service-navigation",
    ".govuk-footer",
    ".app-share-links",
    ".app-updates-box",
    ".app-related-articles",
    ".app-article__tags",
    ".app-article__authors",
  ]) {
    await expect(page.locator(selector), selector).toBeHidden();
  }
});
