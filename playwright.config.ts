import { defineConfig } from "@playwright/test";
import { SITES } from "./tests/browser/sites.ts";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/browser",
  globalSetup: "./tests/browser/global-setup.ts",
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  reporter: [[process.env.CI ? "line" : "list"], ["./tests/browser/summary-reporter.ts"]],
  webServer: Object.values(SITES).map((site) => ({
    command: `node scripts/serve.ts ${site.output} ${site.port}`,
    // Readiness by port: the site is built by globalSetup, after the servers start.
    port: site.port,
    reuseExistingServer: false,
  })),
  // site-*.spec.ts check every page of both sites; the other specs check behaviour on the fixture site.
  projects: Object.entries(SITES).map(([name, site]) => ({
    name,
    testMatch: name === "fixture" ? "**/*.spec.ts" : "**/site-*.spec.ts",
    use: { baseURL: `http://127.0.0.1:${site.port}` },
  })),
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
