import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityStatement, cookiesPage, type AccessibilityStatement, type CookiesPage } from "../../../lib/content/legal-pages.ts";
import { siteSchema, type SiteData } from "../../../lib/content/schema.ts";
import { SITE_DATA } from "./site-fixture.ts";

const BASE = SITE_DATA;

function site(extra: Record<string, unknown>): SiteData {
  return siteSchema.parse({ ...BASE, ...extra });
}

const ORGANISATION_CONTACT = { website: { name: "Test Department", url: "https://www.example.gov.uk" } };

const statements: Array<{ name: string; extra: Record<string, unknown>; expected: AccessibilityStatement }> = [
  {
    name: "no accessibility data: partially compliant, no listed issues, contact through the organisation's website, no dates",
    extra: {},
    expected: { host: "news.example.gov.uk", status: "partial", statusText: "partially compliant", issues: [], contact: ORGANISATION_CONTACT },
  },
  {
    name: "fully compliant, with an email address",
    extra: { accessibility: { status: "full", email: "a11y@example.gov.uk" } },
    expected: { host: "news.example.gov.uk", status: "full", statusText: "fully compliant", issues: [], contact: { email: "a11y@example.gov.uk" } },
  },
  {
    name: "not compliant, every field: dates as GOV.UK writes them",
    extra: {
      accessibility: {
        status: "not",
        issues: ["Charts have no text alternative."],
        email: "a11y@example.gov.uk",
        phone: "020 7946 0000",
        responseDays: 5,
        testedOn: "2026-10-01",
        testedBy: "the digital team",
        prepared: "2026-09-01",
        reviewed: "2026-12-31",
        plans: "We are adding text descriptions to every chart by March 2027.",
      },
    },
    expected: {
      host: "news.example.gov.uk",
      status: "not",
      statusText: "not compliant",
      issues: ["Charts have no text alternative."],
      contact: { email: "a11y@example.gov.uk", phone: "020 7946 0000" },
      responseDays: 5,
      prepared: "1 September 2026",
      reviewed: "31 December 2026",
      testedOn: "1 October 2026",
      testedBy: "the digital team",
      plans: "We are adding text descriptions to every chart by March 2027.",
    },
  },
  {
    name: "a phone number alone is a contact",
    extra: { accessibility: { phone: "020 7946 0000" } },
    expected: { host: "news.example.gov.uk", status: "partial", statusText: "partially compliant", issues: [], contact: { phone: "020 7946 0000" } },
  },
];
for (const c of statements) {
  test(`accessibilityStatement: ${c.name}`, () => {
    assert.deepEqual(accessibilityStatement(site(c.extra)), c.expected);
  });
}

const cookies: Array<{ name: string; extra: Record<string, unknown>; expected: CookiesPage }> = [
  { name: "no cookies data: nothing stored", extra: {}, expected: { analytics: [], hasProviders: false } },
  {
    name: "a privacy notice alone",
    extra: { cookies: { privacyNotice: "https://www.example.gov.uk/privacy" } },
    expected: { analytics: [], hasProviders: false, privacyNotice: "https://www.example.gov.uk/privacy" },
  },
  {
    name: "analytics cookies, in order; one names who sets it",
    extra: {
      cookies: {
        analytics: [
          { name: "_ga", purpose: "Counts visits.", expiry: "2 years", provider: "Google Analytics" },
          { name: "_gid", purpose: "Tells visits apart.", expiry: "24 hours" },
        ],
      },
    },
    expected: {
      analytics: [
        { name: "_ga", purpose: "Counts visits.", expiry: "2 years", provider: "Google Analytics" },
        { name: "_gid", purpose: "Tells visits apart.", expiry: "24 hours" },
      ],
      hasProviders: true,
    },
  },
];
for (const c of cookies) {
  test(`cookiesPage: ${c.name}`, () => {
    assert.deepEqual(cookiesPage(site(c.extra)), c.expected);
  });
}

const invalid: Array<{ name: string; extra: Record<string, unknown>; path: string; message: string }> = [
  {
    name: "unknown status",
    extra: { accessibility: { status: "mostly" } },
    path: "accessibility.status",
    message: '"mostly" is not a compliance status: use full, partial or not',
  },
  {
    name: "not an email address",
    extra: { accessibility: { email: "accessibility at example" } },
    path: "accessibility.email",
    message: '"accessibility at example" is not an email address: write the address people should write to, e.g. accessibility@example.gov.uk',
  },
  {
    name: "known issues on a fully compliant site",
    extra: { accessibility: { status: "full", issues: ["Charts have no text alternative."] } },
    path: "accessibility.issues",
    message: 'lists problems, but status is "full" (fully compliant): set status to "partial", or remove the problems that are fixed',
  },
  {
    name: "impossible date",
    extra: { accessibility: { prepared: "2026-02-30" } },
    path: "accessibility.prepared",
    message: '"2026-02-30" is not a real date: check the day and month',
  },
  {
    name: "cookie without expiry",
    extra: { cookies: { analytics: [{ name: "_ga", purpose: "Counts visits." }] } },
    path: "cookies.analytics.0.expiry",
    message: "is missing: add how long it is kept, e.g. 2 years",
  },
  { name: "brand colour", extra: { brand: { colour: "blue" } }, path: "brand.colour", message: '"blue" is not a colour: write # and six hexadecimal digits, e.g. "#1d70b8"' },
  { name: "brand initials", extra: { brand: { initials: "ABC" } }, path: "brand.initials", message: '"ABC" is not one or two letters or digits: write e.g. "GT"' },
  {
    name: "more than three featured items",
    extra: { featured: ["a", "b", "c", "d"] },
    path: "featured",
    message: "has 4 featured items, more than the limit of 3: keep the 3 that matter most",
  },
  {
    name: "a featured entry with .md",
    extra: { featured: ["item.md"] },
    path: "featured.0",
    message: '"item.md" is not an item\'s file name: write it without .md, e.g. council-cyber-toolkit',
  },
];
for (const c of invalid) {
  test(`site schema: ${c.name}`, () => {
    const result = siteSchema.safeParse({ ...BASE, ...c.extra });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error!.issues.map((i) => [i.path.join("."), i.message]),
      [[c.path, c.message]],
    );
  });
}
