// Every filter group, one file each; plugin.ts adds them all (register.ts).
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";
import { articleFilters } from "./articles.ts";
import { chromeFilters } from "./chrome.ts";
import { dateFilters } from "./dates.ts";
import { feedFilters } from "./feeds.ts";
import { jsonLdFilters } from "./json-ld.ts";
import { listFilters } from "./lists.ts";
import { pageFilters } from "./pages.ts";
import { peopleFilters } from "./people.ts";
import { searchFilters } from "./search.ts";
import { siteFileFilters } from "./site-files.ts";
import { sharingFilters } from "./sharing.ts";

/** Every group the plugin registers, in one list (the filters test checks templates against the same list). */
export function filterGroups(context: PluginContext): FilterGroup[] {
  return [
    dateFilters(),
    articleFilters(context),
    peopleFilters(context),
    jsonLdFilters(context),
    feedFilters(context),
    listFilters(context),
    chromeFilters(context),
    siteFileFilters(context),
    sharingFilters(context),
    pageFilters(context),
    searchFilters(context),
  ];
}

export { addFilters, registerFilters, type FilterGroup } from "./register.ts";
export { articleFilters } from "./articles.ts";
export { chromeFilters } from "./chrome.ts";
export { dateFilters } from "./dates.ts";
export { feedFilters } from "./feeds.ts";
export { jsonLdFilters } from "./json-ld.ts";
export { listFilters } from "./lists.ts";
export { pageFilters } from "./pages.ts";
export { peopleFilters } from "./people.ts";
export { searchFilters } from "./search.ts";
export { siteFileFilters } from "./site-files.ts";
export { sharingFilters } from "./sharing.ts";
