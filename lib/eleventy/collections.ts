/**
 * The collections our page templates paginate over, read from the build's content model (never from Eleventy's
 * own collections of pages).
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { authorBioParams } from "../authors/bio.ts";
import { feedCatalogue, listPages, type PluginContext } from "./build-state.ts";

/** One file the feed template writes. */
export interface FeedFile {
  path: string;
  format: "rss" | "atom" | "json";
  key: string;
}

export function addCollections(eleventyConfig: UserConfig, { build, pagesOfRun }: PluginContext): void {
  // The GOV.UK plugin's collections: its `tags` throws on tags that differ only by case (ours merges them);
  // `navigation`, `sitemap` and `feed` are unused here, and each is another sorted copy of every page whose
  // content Eleventy fills in by a linear search per item. Its `all` only filters out Sass files, which are
  // not pages. Remove them all (Eleventy's own `all` remains).
  for (const name of ["tags", "navigation", "sitemap", "feed", "all"]) delete (eleventyConfig.collections as Record<string, unknown>)[name];

  eleventyConfig.addCollection("tags", () => build().model.listed.tags.map((t) => ({ slug: t.slug, label: t.label, count: t.articles.length })));
  // The paginated families: in a batched build, this run's slice of each (batch.ts); under npm start, the pages a
  // rebuild changed (preview.ts).
  eleventyConfig.addCollection("articlePages", () => pagesOfRun("articles", build().model.pages));
  eleventyConfig.addCollection("homePages", () => pagesOfRun("home", listPages(build()).home));
  eleventyConfig.addCollection("featured", () => build().model.featured);
  eleventyConfig.addCollection("tagPages", () => pagesOfRun("tags", listPages(build()).tags));
  eleventyConfig.addCollection("authorPages", () => pagesOfRun("authors", listPages(build()).authors));
  eleventyConfig.addCollection("typePages", () => pagesOfRun("types", listPages(build()).types));
  eleventyConfig.addCollection("archivePages", () => pagesOfRun("archive", listPages(build()).archive));
  // The archive's index: each year with the number of items it lists (its first page is the year's address).
  eleventyConfig.addCollection("archiveYears", () =>
    listPages(build())
      .archive.filter((page) => page.number === 1)
      .map((page) => ({ year: page.year.year, count: page.year.count, url: page.href })),
  );

  eleventyConfig.addCollection("authorIndex", () => {
    const { model } = build();
    return [...model.authors.values()]
      .filter((author) => model.listed.authorArticles.get(author.id)!.length > 0)
      .map((author) => authorBioParams(author, model.listed.authorArticles.get(author.id)!.length, 2))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || (a.id < b.id ? -1 : 1));
  });

  eleventyConfig.addCollection("feedFiles", (): FeedFile[] => {
    const c = feedCatalogue(build());
    return pagesOfRun("feeds", [
      { path: c.site.path, format: "rss", key: "site" },
      { path: c.siteAtom, format: "atom", key: "site" },
      { path: c.siteJson, format: "json", key: "site" },
      ...[...c.types, ...c.tags, ...c.authors].map((e): FeedFile => ({ path: e.path, format: "rss", key: e.key })),
    ]);
  });
}
