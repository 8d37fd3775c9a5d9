// The GOV.UK Eleventy plugin ships no types.
declare module "@x-govuk/govuk-eleventy-plugin" {
  import type UserConfig from "@11ty/eleventy/UserConfig";
  export function govukEleventyPlugin(eleventyConfig: UserConfig, options?: Record<string, unknown>): Promise<void>;
  export const layoutFilenames: string[];
}
