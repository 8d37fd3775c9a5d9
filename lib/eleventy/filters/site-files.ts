/**
 * The whole text of the site's non-HTML files, each printed by its virtual page (virtual-pages/): feeds, the OPML
 * list, the sitemap, robots.txt, the build record, Netlify's _redirects and the stylesheet.
 */
import path from "node:path";
import type { SitemapEntry } from "../../feeds/sitemap.ts";
import { toSitemap } from "../../feeds/sitemap.ts";
import { recentItems, toNewsSitemap } from "../../feeds/news-sitemap.ts";
import { buildFeed } from "../../feeds/model.ts";
import { toRss } from "../../feeds/rss.ts";
import { toAtom } from "../../feeds/atom.ts";
import { toJsonFeed } from "../../feeds/json-feed.ts";
import { toOpml } from "../../feeds/opml.ts";
import { makeBuildRecord, serialiseBuildRecord } from "../../content/schedule.ts";
import { redirectsFile } from "../../content/aliases.ts";
import { STYLESHEET_CACHE_DIR, writeCachedStylesheet } from "../../build/stylesheet-cache.ts";
import { compileStylesheet } from "../stylesheet.ts";
import { feedCatalogue, publishedListPages, type PluginContext } from "../build-state.ts";
import { ARCHIVE_URL } from "../../content/archive.ts";
import { ACCESSIBILITY_URL, COOKIES_URL } from "../../content/legal-pages.ts";
import type { FeedFile } from "../collections.ts";
import type { FilterGroup } from "./register.ts";

export function siteFileFilters({ build, options, stylesheet }: PluginContext): FilterGroup {
  return {
    markup: {
      govnewsRenderFeed: (file: FeedFile) => {
        const state = build();
        // Feeds render before pages and may list an item several times; its page is the last to need its body.
        const feed = buildFeed(feedCatalogue(state).byKey.get(file.key)!, state.model, (article) => state.bodies.html(article));
        const self = new URL(file.path, state.model.site.url).href;
        if (file.format === "atom") return toAtom({ ...feed, self });
        if (file.format === "json") return toJsonFeed({ ...feed, self });
        return toRss(feed);
      },
      govnewsOpml: () => {
        const state = build();
        return toOpml(feedCatalogue(state), state.model.site.title, state.model.site.url);
      },
      // Every HTML page this build writes (lists, items, authors), with item dates where they exist.
      govnewsSitemap: () => {
        const state = build();
        const m = state.model;
        const newest = m.published[0];
        const published = publishedListPages(state);
        const entries: SitemapEntry[] = [
          ...published.home.map((p) => ({ path: p.href, lastmod: p.number === 1 && newest ? (newest.updated ?? newest.date) : undefined })),
          ...m.published.map((a) => ({ path: a.url, lastmod: a.updated ?? a.date })),
          { path: "/tags/" },
          ...[...published.tags, ...published.types, ...published.authors].map((p) => ({ path: p.href })),
          { path: "/authors/" },
          { path: "/subscribe/" },
          { path: ARCHIVE_URL },
          ...published.archive.map((p) => ({ path: p.href })),
          { path: ACCESSIBILITY_URL },
          { path: COOKIES_URL },
          { path: "/search/" },
        ];
        // Under npm start, made again only when an entry changed: it lists every page of the archive.
        const make = () => toSitemap(entries, m.site.url);
        return state.preview ? state.preview.memo("sitemap", JSON.stringify([m.site.url, entries]), make) : make();
      },
      // Published items of the two days before the build's now: the same file in a preview as in production.
      govnewsNewsSitemap: () => {
        const { site, published } = build().model;
        return toNewsSitemap(recentItems(published, options.now), { url: site.url, name: site.title, language: site.language });
      },
      // Previews must not be indexed; production points crawlers at both sitemaps.
      govnewsRobots: () => {
        if (options.preview) return "User-agent: *\nDisallow: /\n";
        const site = build().model.site.url;
        return `User-agent: *\nDisallow:\nSitemap: ${new URL("/sitemap.xml", site).href}\nSitemap: ${new URL("/sitemap-news.xml", site).href}\n`;
      },
      // For the scheduled-publish workflow: the build's now and the next scheduled time, never which item. The same
      // in a preview (made from every item, whatever the preview shows), so it reveals nothing production does not.
      govnewsBuildRecord: () => serialiseBuildRecord(makeBuildRecord(build().model.all, options.now)),
      // Published items' aliases only, in previews too: a draft's old name must not reach any deploy.
      govnewsRedirects: () => redirectsFile([...build().model.published, ...build().model.kept]),
      // From the cache (lib/build/stylesheet-cache.ts), the render-ahead worker, or compiled here.
      govnewsStylesheet: () => {
        const state = build();
        const css = state.stylesheet;
        if (css.text === undefined) {
          css.text = state.renderAhead?.stylesheet() ?? compileStylesheet(stylesheet);
          writeCachedStylesheet(css.key, css.text, path.join(options.root, STYLESHEET_CACHE_DIR));
        }
        return css.text;
      },
    },
  };
}
