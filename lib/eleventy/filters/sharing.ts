/** What a page gives platforms it is shared on: its share image (share-image.ts), and an item's share links (share-links.ts). */
import type { Article } from "../../content/model.ts";
import { shareImageFor } from "../share-image.ts";
import { shareLinks } from "../share-links.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function sharingFilters({ build }: PluginContext): FilterGroup {
  return {
    text: {
      // The item's raster lead image, the PNG drawn from its SVG one, or the site's default card (any page but an
      // item's: `article` is undefined).
      govnewsShareImage: (article: Article | undefined) => {
        const state = build();
        const shares = state.processedImages?.shares;
        return shareImageFor(article, state.shareCard, state.model.site.url, (src) => shares?.get(src));
      },
      govnewsShareLinks: (url: string, title: string) => shareLinks(url, title),
    },
  };
}
