/**
 * A built site's `_redirects` as Netlify reads and applies it, for the test server (scripts/serve.ts) and the
 * tests. Parsing is Netlify's own package (@netlify/redirect-parser, which Netlify's build and CLI use), so a line
 * Netlify would reject is an error here too. Matching covers what the site writes (lib/content/aliases.ts): a
 * fixed path, a 301 or 302, not forced. Netlify normalises a path before matching, so a rule matches with or
 * without the trailing slash; and a rule that is not forced never hides a file that exists (shadowing), which the
 * caller decides.
 *
 * @see https://docs.netlify.com/routing/redirects/redirect-options/#trailing-slash
 * @see https://docs.netlify.com/routing/redirects/rewrites-proxies/#shadowing
 */
import fs from "node:fs";
import { parseAllRedirects } from "@netlify/redirect-parser";

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** Netlify's parse of a `_redirects` file: the rules, or Netlify's messages. A missing file has no rules. */
export async function parseRedirectsFile(file: string): Promise<{ rules: RedirectRule[]; errors: string[] }> {
  if (!fs.existsSync(file)) return { rules: [], errors: [] };
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [file], configRedirects: [], minimal: false });
  const rules: RedirectRule[] = [];
  const problems: string[] = errors.map((e: { message: string }) => e.message);
  for (const raw of redirects as Array<{ from: string; to: string; status?: number; force: boolean; proxy: boolean; conditions: object; query: object }>) {
    const status = raw.status ?? 301;
    const plain = !raw.force && !raw.proxy && Object.keys(raw.conditions).length === 0 && Object.keys(raw.query).length === 0;
    if (!plain || (status !== 301 && status !== 302) || /[*:]/.test(raw.from)) {
      problems.push(`${raw.from} ${raw.to}: this server follows only plain 301 and 302 redirects from a fixed path`);
      continue;
    }
    rules.push({ from: raw.from, to: raw.to, status });
  }
  return { rules, errors: problems };
}

/** `parseRedirectsFile`, throwing on any error so that a test server never silently ignores a rule. */
export async function loadRedirects(file: string): Promise<RedirectRule[]> {
  const { rules, errors } = await parseRedirectsFile(file);
  if (errors.length > 0) throw new Error(`${file}: Netlify cannot use these redirects:\n${errors.join("\n")}`);
  return rules;
}

const withoutSlash = (urlPath: string) => (urlPath.length > 1 && urlPath.endsWith("/") ? urlPath.slice(0, -1) : urlPath);

/** The first rule whose `from` is the path (as requested, without query), the trailing slash aside. */
export function redirectFor(rules: readonly RedirectRule[], urlPath: string): RedirectRule | undefined {
  const wanted = withoutSlash(urlPath);
  return rules.find((rule) => withoutSlash(rule.from) === wanted);
}
