/** What the accessibility statement and the cookies page say, from site data (lib/content/legal-pages.ts). */
import { accessibilityStatement, cookiesPage } from "../../content/legal-pages.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function pageFilters({ build }: PluginContext): FilterGroup {
  return {
    text: {
      govnewsAccessibilityStatement: () => accessibilityStatement(build().model.site),
      govnewsCookiesPage: () => cookiesPage(build().model.site),
    },
  };
}
