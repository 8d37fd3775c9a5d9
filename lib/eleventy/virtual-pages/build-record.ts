/** /build.json: when this build ran and when the next scheduled item goes live (filters/site-files.ts). */
import type UserConfig from "@11ty/eleventy/UserConfig";

export function addBuildRecordPage(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("govnews-build-record.njk", "{{ '' | govnewsBuildRecord }}", {
    layout: false,
    permalink: "/build.json",
  });
}
