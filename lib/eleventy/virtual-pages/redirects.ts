/** For Netlify: `_redirects`, the old addresses of renamed items (filters/site-files.ts, lib/content/aliases.ts). */
import type UserConfig from "@11ty/eleventy/UserConfig";

export function addRedirectPages(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("govnews-redirects.njk", "{{ '' | govnewsRedirects }}", {
    layout: false,
    permalink: "/_redirects",
  });
}
