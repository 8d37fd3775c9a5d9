/** One page per listed item, and per withdrawn item (its notice), at the item's URL (/news/<file name>/). */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article } from "../../content/model.ts";

export function addArticlePages(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("govnews-article.njk", "", {
    layout: "article.njk",
    pagination: { data: "collections.articlePages", size: 1, alias: "article", addAllPagesToCollections: false },
    permalink: (data: { article: Article }) => data.article.url,
  });
}
