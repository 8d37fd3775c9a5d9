// Getting updates as a reader: the "Register for updates" box, the "Get updates" page and the OPML file.
import { test, expect } from "./csp.ts";

test("an article's updates box links the feeds that fit it, and email alerts", async ({ page }) => {
  await page.goto("/news/hostile-title/");
  const box = page.getByRole("complementary", { name: "Register for updates" });
  await expect(box.getByRole("listitem")).toHaveText([
    "All news",
    "Analysis (type)",
    "Cyber Security (topic)",
    "<b>Bold</b> tag (topic)",
    `Ada "<script>alert('name')</script>" Hostile (author)`,
    "Ben Plain (author)",
  ]);
  await expect(box.getByRole("link", { name: "Get email alerts <now>" })).toHaveAttribute("href", 'https://fixture.example.org/alerts?list=news&format="html"');
  await box.getByRole("link", { name: "Cyber Security" }).click();
  await expect(page).toHaveURL(/\/tags\/cyber-security\/feed.xml$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fixture <News> & Co: Cyber Security (topic)");
});

test("the Get updates page lists every feed with its address and offers OPML", async ({ page, request }) => {
  await page.goto("/subscribe/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get updates");
  const tables = page.getByRole("table");
  await expect(tables).toHaveCount(4);
  await expect(page.getByRole("table", { name: "Topics" }).getByRole("row")).toHaveCount(5); // header + 4 topics
  await expect(page.getByRole("link", { name: "https://fixture.example.org/tags/data/feed.xml" })).toHaveAttribute("href", "/tags/data/feed.xml");
  const opml = await request.get("/feeds.opml");
  expect(opml.status()).toBe(200);
  expect(await opml.text()).toContain('<opml version="2.0">');
});
