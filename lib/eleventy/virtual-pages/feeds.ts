/** Every feed file of the catalogue (RSS, Atom, JSON Feed) and the OPML list of them (filters/site-files.ts). */
import type UserConfig from "@11ty/eleventy/UserConfig";

export function addFeedPages(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("govnews-feed.njk", "{{ feedFile | govnewsRenderFeed }}", {
    layout: false,
    pagination: { data: "collections.feedFiles", size: 1, alias: "feedFile", addAllPagesToCollections: false },
    permalink: "{{ feedFile.path }}",
  });
  eleventyConfig.addTemplate("govnews-opml.njk", "{{ '' | govnewsOpml }}", {
    layout: false,
    permalink: "/feeds.opml",
  });
}
