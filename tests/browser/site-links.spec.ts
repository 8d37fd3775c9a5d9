// A crawl of every built page: every internal link, image, stylesheet and script resolves.
import { test, expect } from "./csp.ts";
import { SITES, htmlPages, type SiteName } from "./sites.ts";

test.setTimeout(300_000);

test("every internal link on every page resolves", async ({ page, request, baseURL }, info) => {
  const site = SITES[info.project.name as SiteName];
  const pages = htmlPages(site.output);
  const targets = new Map<string, string>(); // url → first page linking to it
  for (const path of pages) {
    await page.goto(path);
    // Every candidate of a srcset too (processed images: <picture> sources and the <img>'s own widths).
    const refs = await page.$$eval("a[href], link[href], img[src], img[srcset], script[src], source[srcset]", (els) =>
      els.flatMap((el) => {
        const own = (el as HTMLAnchorElement).href || (el as HTMLImageElement).src || "";
        const srcset = el.getAttribute("srcset") ?? "";
        const candidates = srcset ? srcset.split(",").map((c) => new URL(c.trim().split(/\s+/)[0]!, document.baseURI).href) : [];
        return own ? [own, ...candidates] : candidates;
      }),
    );
    for (const ref of refs) {
      const url = new URL(ref);
      if (url.origin !== new URL(baseURL!).origin) continue;
      url.hash = "";
      if (!targets.has(url.href)) targets.set(url.href, path);
    }
  }
  expect(targets.size).toBeGreaterThan(pages.length);
  const broken: string[] = [];
  for (const [url, from] of targets) {
    const response = await request.get(url, { maxRedirects: 0 });
    if (response.status() !== 200) broken.push(`${url} (linked from ${from}): HTTP ${response.status()}`);
  }
  expect(broken).toEqual([]);
});
