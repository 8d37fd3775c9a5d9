// The site data the content tests build their models with: the smallest valid site.json.
import type { SourceFile } from "../../../lib/content/model.ts";

export const SITE_DATA = {
  title: "Test News",
  description: "A site for tests.",
  url: "https://news.example.gov.uk",
  organisation: { name: "Test Department", url: "https://www.example.gov.uk" },
  copyright: "© Crown copyright",
  licence: { name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" },
};

/** SITE_DATA as the loader reads it from content/site.json, with anything a test adds. */
export function siteFile(extra: Record<string, unknown> = {}): SourceFile {
  return { file: "content/site.json", body: "", data: { ...SITE_DATA, ...extra } };
}
