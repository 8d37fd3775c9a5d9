/**
 * netlify.toml's header rules as Netlify reads and applies them, for the test server (scripts/serve.ts) and the
 * tests. Parsing is Netlify's own package (@netlify/headers-parser, which Netlify's build and CLI use), so a rule
 * Netlify would reject is an error here too. Matching is Netlify CLI's `headersForPath` (netlify/cli,
 * src/utils/headers.ts): every rule whose `for` pattern matches the path applies, first to last, a later value
 * replacing an earlier one; the parser compiles each pattern (`forRegExp`: `*` a splat, `:name` one segment,
 * case-insensitive, optional trailing slash). netlify.toml sets no header from two rules that can match one
 * path (tests/build/headers.test.ts), so the order of merging never decides a value.
 */
import fs from "node:fs";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";

export type HeaderRule = Header;

/** Every header rule of a netlify.toml; throws with Netlify's messages when the parser reports any error. */
export async function loadHeaderRules(netlifyToml: string): Promise<HeaderRule[]> {
  // The parser treats a missing file as one with no rules: that must not pass silently.
  if (!fs.existsSync(netlifyToml)) throw new Error(`${netlifyToml} not found`);
  const { headers, errors } = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: netlifyToml, configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`${netlifyToml}: Netlify cannot read its headers:\n${errors.map((e) => e.message).join("\n")}`);
  return headers as HeaderRule[];
}

/** The rules whose `for` pattern matches a URL path (as requested, e.g. "/news/x/"), in file order. */
export function matchingRules(rules: readonly HeaderRule[], urlPath: string): HeaderRule[] {
  return rules.filter((rule) => rule.forRegExp.test(urlPath));
}

/** The headers Netlify sends for a URL path: the values of every matching rule, merged first to last. */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  // Header names are case-insensitive: a later rule's value replaces an earlier one whatever its spelling.
  for (const rule of matchingRules(rules, urlPath)) for (const [name, value] of Object.entries(rule.values)) merged.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(merged.values());
}
