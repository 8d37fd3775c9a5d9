/** The search page's filter choices (lib/search/facets.ts). */
import { searchFacets } from "../../search/facets.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function searchFilters({ build }: PluginContext): FilterGroup {
  return {
    text: {
      // Published items only, in a deploy preview too: the index holds nothing else.
      govnewsSearchFacets: () => {
        const { model } = build();
        return searchFacets(model.published, model.tags);
      },
      // A select's items (GOV.UK Frontend's govukSelect): "all" first, then each value as it is.
      govnewsSearchChoices: (values: readonly string[], all: string) => [{ value: "", text: all }, ...values.map((value) => ({ value, text: value }))],
    },
  };
}
