/** Dates as GOV.UK prints them (lib/content/dates.ts). */
import { formatDate, formatDateTime, isoDateTime } from "../../content/dates.ts";
import type { FilterGroup } from "./register.ts";

export function dateFilters(): FilterGroup {
  return {
    text: {
      govnewsDate: (value: string) => formatDate(value),
      govnewsDateTime: (value: string) => formatDateTime(value),
      // A calendar day (YYYY-MM-DD, as in role histories) in GOV.UK style.
      govnewsDay: (day: string) => formatDate(`${day}T12:00:00Z`),
      govnewsIsoDate: (value: string) => isoDateTime(value),
    },
  };
}
