/** Site data read before the build starts, for configuring the GOV.UK plugin and the Markdown renderer. */
import fs from "node:fs";
import path from "node:path";
import { validateSite } from "../content/model.ts";
import { PLACEHOLDER_SITE, type SiteData } from "../content/schema.ts";
import { resolveOptions, type GovnewsUserOptions } from "./options.ts";

/**
 * Site data for configuring the GOV.UK plugin, read before the build. When site.json is invalid this returns
 * placeholders so the build goes on to report every content problem at once (site.json included).
 */
export function siteForConfig(userOptions: GovnewsUserOptions = {}): SiteData {
  const options = resolveOptions(userOptions, process.env);
  const file = path.resolve(options.root, options.contentDir, "site.json");
  try {
    const { site } = validateSite(file, JSON.parse(fs.readFileSync(file, "utf8")));
    if (site) return site;
  } catch {
    // reported by the eleventy.before hook with the file name and the fix
  }
  return structuredClone(PLACEHOLDER_SITE);
}
