// Every page family, one file each, in the order Eleventy is given them (plugin.ts).
export { addArticlePages } from "./articles.ts";
export { addAssetPages } from "./assets.ts";
export { addBuildRecordPage } from "./build-record.ts";
export { addCrawlerPages } from "./crawlers.ts";
export { addFeedPages } from "./feeds.ts";
export { addListPages } from "./lists.ts";
export { addRedirectPages } from "./redirects.ts";
export { addStaticPages } from "./static.ts";
