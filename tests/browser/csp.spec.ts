// The production headers at work in the browser: the test server sends netlify.toml's headers, and a page
// carrying an inline script the CSP does not allow is caught by the fixture every spec uses (./csp.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type http from "node:http";
import { test, expect } from "./csp.ts";
import { SITES } from "./sites.ts";
import { serve } from "../../scripts/serve.ts";
import { headersForPath, loadHeaderRules } from "../../scripts/netlify-headers.ts";

test("the sites are served with netlify.toml's headers", async ({ request }) => {
  const rules = await loadHeaderRules("netlify.toml");
  for (const urlPath of ["/", "/news/hostile-title/", "/tags/data/feed.xml", "/feed.xsl"]) {
    const response = await request.get(urlPath);
    expect(response.status(), urlPath).toBe(200);
    const sent = response.headers();
    for (const [name, value] of Object.entries(headersForPath(rules, urlPath))) expect(sent[name.toLowerCase()], `${urlPath} ${name}`).toBe(value);
  }
  const home = await (await request.get("/")).text();
  const stylesheet = /<link rel="stylesheet" href="(\/assets\/hashed\/[^"]+)">/.exec(home)?.[1];
  expect(stylesheet).toBeTruthy();
  expect((await request.get(stylesheet!)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test.describe("a page with an inline script the CSP does not allow", () => {
  let server: http.Server;
  let dir: string;
  let origin: string;

  test.beforeAll(async () => {
    // Tiny pages served by the same server under the same rules: GOV.UK Frontend's inline script, taken from
    // a built page (allowed by its hash), and on one of them an injected script (not allowed).
    const built = fs.readFileSync(path.join(SITES.fixture.output, "index.html"), "utf8");
    const govuk = /<script>document\.body\.className[^<]*<\/script>/.exec(built)?.[0];
    if (!govuk) throw new Error("no GOV.UK Frontend inline script on the fixture site's home page");
    const page = (extra: string) => `<!DOCTYPE html><html lang="en"><head><title>CSP test</title></head><body>${govuk}${extra}<p>Hello</p></body></html>`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-csp-"));
    fs.writeFileSync(path.join(dir, "allowed.html"), page(""));
    fs.writeFileSync(path.join(dir, "injected.html"), page(`<script>document.title = "injected script ran";</script>`));
    server = serve(dir, 0, await loadHeaderRules("netlify.toml"));
    await once(server, "listening");
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    server.close();
    await once(server, "close");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("is reported: the violation names script-src, the script does not run, the allowed one does", async ({ page, cspViolations }) => {
    await page.goto(`${origin}/injected.html`);
    await expect(page.locator("body")).toHaveClass(/\bjs-enabled\b/);
    await expect.poll(() => cspViolations.seen().length).toBeGreaterThan(0);
    expect(await page.title()).toBe("CSP test");
    const reported = cspViolations.consume().join("\n");
    expect(reported).toContain("/injected.html");
    expect(reported).toMatch(/script-src/);
  });

  test("fails the test that loaded it", async ({ page }) => {
    // Expected to fail, and only the fixture can fail it: everything the test itself checks holds. Were the
    // violation not caught, this test would pass and Playwright would report it as an unexpected pass.
    test.fail();
    await page.goto(`${origin}/injected.html`);
    await expect(page.locator("body")).toHaveClass(/\bjs-enabled\b/);
    expect(await page.title()).toBe("CSP test");
  });

  test("is not confused with a page that carries only GOV.UK Frontend's script: no violation", async ({ page, cspViolations }) => {
    await page.goto(`${origin}/allowed.html`);
    await expect(page.locator("body")).toHaveClass(/\bjs-enabled\b/);
    expect(cspViolations.seen()).toEqual([]);
  });
});
