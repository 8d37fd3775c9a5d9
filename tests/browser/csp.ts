/**
 * `test` for every browser spec: fails a test whose pages reported a Content Security Policy violation (or a
 * Permissions-Policy header Chromium could not read). The sites are served with netlify.toml's headers
 * (scripts/serve.ts), so this is the production CSP at work: an inline script, style or handler it does not
 * allow, a resource from another origin, shows up here, not as a silently broken page on the live site.
 *
 * Two channels: `securitypolicyviolation` events, reported by an init script through a binding (every kind of
 * violation, with the element it came from), and Chromium's console messages "Refused to ..." (blocked scripts,
 * styles and other loads, also from documents the init script may not reach).
 *
 * One exception: Chromium 15x puts its own "XSLT is being removed" banner (<xslt-warning-banner>, inline styles
 * and an onclick) into a feed shown through /feed.xsl. The CSP blocks those too; they are the browser's, not the
 * site's, so violations whose element is that banner are left out (as site-feeds.spec.ts leaves it out of axe).
 */
import { test as base, expect, type BrowserContext, type ConsoleMessage } from "@playwright/test";

export interface CspViolations {
  /** Every violation reported so far, one line each. */
  seen(): string[];
  /** Every violation reported so far, which the test then expects: they no longer fail it. */
  consume(): string[];
}

const BINDING = "__govnewsCspViolation";

async function settle(context: BrowserContext): Promise<void> {
  // Violation events are queued as tasks: let each open page run its queue before the test's verdict.
  await Promise.all(context.pages().map((page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))).catch(() => undefined)));
}

export const test = base.extend<{ cspViolations: CspViolations }>({
  cspViolations: [
    async ({ context }, use) => {
      let violations: string[] = [];
      await context.exposeBinding(BINDING, (_source, line: string) => {
        violations.push(line);
      });
      await context.addInitScript((binding: string) => {
        const report = (window as unknown as Record<string, (line: string) => void>)[binding]!;
        document.addEventListener("securitypolicyviolation", (event) => {
          // Retargeted to the banner when it comes from inside its shadow tree.
          if ((event.target as Element | null)?.localName === "xslt-warning-banner") return;
          report(`${event.documentURI}: ${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}${event.sample ? ` "${event.sample}"` : ""}`);
        });
      }, BINDING);
      const onConsole = (message: ConsoleMessage) => {
        const text = message.text();
        if (/^Refused to |^Error with Permissions-Policy header/.test(text)) violations.push(`${message.location().url}: ${text}`);
      };
      context.on("console", onConsole);
      await use({
        seen: () => [...violations],
        consume: () => {
          const taken = violations;
          violations = [];
          return taken;
        },
      });
      await settle(context);
      context.off("console", onConsole);
      expect(violations, "Content Security Policy violations (see tests/browser/csp.ts)").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from "@playwright/test";
