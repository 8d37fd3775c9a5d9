/** The feeds the site offers (lib/feeds/catalogue.ts), for autodiscovery links, "Get updates" and the updates box. */
import type { Article } from "../../content/model.ts";
import { feedsForArticle } from "../../feeds/catalogue.ts";
import { feedCatalogue, type PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function feedFilters({ build }: PluginContext): FilterGroup {
  return {
    text: {
      govnewsFeedCatalogue: () => feedCatalogue(build()),
      govnewsFeed: (key: string) => feedCatalogue(build()).byKey.get(key),
      govnewsFeedsFor: (article: Article) => feedsForArticle(feedCatalogue(build()), article),
    },
  };
}
