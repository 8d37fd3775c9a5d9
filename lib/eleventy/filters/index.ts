// Every filter group, one file each; plugin.ts adds them all (register.ts).
export { addFilters, registerFilters, type FilterGroup } from "./register.ts";
export { articleFilters } from "./articles.ts";
export { chromeFilters } from "./chrome.ts";
export { dateFilters } from "./dates.ts";
export { feedFilters } from "./feeds.ts";
export { jsonLdFilters } from "./json-ld.ts";
export { listFilters } from "./lists.ts";
export { peopleFilters } from "./people.ts";
export { siteFileFilters } from "./site-files.ts";
