/** For search engines: the sitemap, the Google News sitemap and robots.txt (filters/site-files.ts). */
import type UserConfig from "@11ty/eleventy/UserConfig";

export function addCrawlerPages(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("govnews-sitemap.njk", "{{ '' | govnewsSitemap }}", {
    layout: false,
    permalink: "/sitemap.xml",
  });
  eleventyConfig.addTemplate("govnews-news-sitemap.njk", "{{ '' | govnewsNewsSitemap }}", {
    layout: false,
    permalink: "/sitemap-news.xml",
  });
  eleventyConfig.addTemplate("govnews-robots.njk", "{{ '' | govnewsRobots }}", {
    layout: false,
    permalink: "/robots.txt",
  });
}
