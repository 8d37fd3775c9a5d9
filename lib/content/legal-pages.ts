/**
 * What the pages a UK public-sector site must have say, worked out from site data: the accessibility statement
 * (in the structure of GOV.UK's model statement for the Public Sector Bodies (Websites and Mobile Applications)
 * (No. 2) Accessibility Regulations 2018) and the cookies and privacy page. Pure: templates print these values,
 * escaped, and decide nothing.
 *
 * @see https://www.gov.uk/government/publications/sample-accessibility-statement
 */
import { formatDate } from "./dates.ts";
import type { SiteData } from "./schema.ts";

export const ACCESSIBILITY_URL = "/accessibility/";
export const COOKIES_URL = "/cookies/";

export interface AccessibilityStatement {
  /** The host name the statement applies to, e.g. govtech-news.netlify.app. */
  host: string;
  status: "full" | "partial" | "not";
  /** "fully compliant", "partially compliant", "not compliant". */
  statusText: string;
  /** Known problems, as the editor wrote them. */
  issues: string[];
  /** How to reach the organisation: email and phone when given, else its website. */
  contact: { email?: string; phone?: string; website?: { name: string; url: string } };
  responseDays?: number;
  /** "1 September 2026" */
  prepared?: string;
  reviewed?: string;
  testedOn?: string;
  testedBy?: string;
  /** What the organisation is doing to improve accessibility. */
  plans?: string;
}

const STATUS_TEXT = { full: "fully compliant", partial: "partially compliant", not: "not compliant" } as const;

/** The calendar date of a `2026-09-01` value, as GOV.UK writes dates. */
function dayOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : formatDate(`${date}T12:00:00Z`);
}

export function accessibilityStatement(site: Pick<SiteData, "url" | "organisation" | "accessibility">): AccessibilityStatement {
  const a = site.accessibility;
  const status = a?.status ?? "partial";
  const contact: AccessibilityStatement["contact"] = {};
  if (a?.email) contact.email = a.email;
  if (a?.phone) contact.phone = a.phone;
  // With no address or number to give, readers still need a way to reach whoever runs the site.
  if (!contact.email && !contact.phone) contact.website = { name: site.organisation.name, url: site.organisation.url };
  return {
    host: new URL(site.url).host,
    status,
    statusText: STATUS_TEXT[status],
    issues: a?.issues ?? [],
    contact,
    ...(a?.responseDays !== undefined ? { responseDays: a.responseDays } : {}),
    ...(a?.prepared ? { prepared: dayOf(a.prepared) } : {}),
    ...(a?.reviewed ? { reviewed: dayOf(a.reviewed) } : {}),
    ...(a?.testedOn ? { testedOn: dayOf(a.testedOn) } : {}),
    ...(a?.testedBy ? { testedBy: a.testedBy } : {}),
    ...(a?.plans ? { plans: a.plans } : {}),
  };
}

export interface CookiesPage {
  /** Analytics cookies the site data lists, in its order; empty when the site stores nothing. */
  analytics: Array<{ name: string; purpose: string; expiry: string; provider?: string }>;
  /** Whether any listed cookie names who sets it (the table then has that column). */
  hasProviders: boolean;
  privacyNotice?: string;
}

export function cookiesPage(site: Pick<SiteData, "cookies">): CookiesPage {
  const analytics = site.cookies?.analytics ?? [];
  return {
    analytics,
    hasProviders: analytics.some((c) => c.provider !== undefined),
    ...(site.cookies?.privacyNotice ? { privacyNotice: site.cookies.privacyNotice } : {}),
  };
}
