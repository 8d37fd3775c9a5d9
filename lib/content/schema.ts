/**
 * The one content schema: front matter of news items, author files and site data.
 *
 * Types and runtime validation come from the same zod schemas, so the build, the content checker
 * (`npm run check`), the scaffolder (`npm run new`) and the front-matter table in docs/editing.md cannot drift apart.
 * Messages are written for editors: each says what is wrong and how to fix it.
 *
 * @see https://zod.dev/api
 */
import { z } from "zod";
import { isIsoDateTimeWithOffset, isImpossibleDate } from "./dates.ts";
import { NEWS_TYPES, quoteValue, SLUG_PATTERN, stripControlCharacters } from "./text-rules.ts";

export { formatBytes, MAX_IMAGE_BYTES, MAX_TEXT_FILE_BYTES, NEWS_TYPES, quoteValue, SLUG_PATTERN, sizeOverLimit, stripControlCharacters } from "./text-rules.ts";

export type NewsType = (typeof NEWS_TYPES)[number];

/**
 * Length limits, in characters. Far above what real items need (the reference articles' headlines are 40 to 70
 * characters, their standfirsts 100 to 200; GOV.UK asks for titles under 65 and summaries under 160), low enough
 * to catch a body pasted into the wrong field or a runaway import, and to keep lists, feeds and social cards sane.
 */
export const LIMITS = {
  title: 150,
  description: 300,
  /** Names, roles, organisations, credits, licences, site settings. */
  short: 150,
  alt: 250,
  caption: 300,
  note: 300,
  reason: 500,
  pronouns: 30,
  tag: 60,
  tags: 20,
  authors: 10,
  changes: 100,
  related: 20,
  relatedExclude: 100,
  aliases: 50,
  roles: 50,
  id: 500,
  featured: 3,
  accessibilityIssues: 50,
  cookies: 20,
} as const;

const text = (what: string, max: number = LIMITS.short) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `is missing: add ${what}`
          : typeof iss.input === "number" || typeof iss.input === "boolean"
            ? `must be text: put ${String(iss.input)} in quotes, or write ${what}`
            : `must be text: write ${what}`,
    })
    .transform((s) => stripControlCharacters(s).trim())
    .pipe(
      z
        .string()
        .min(1, { error: `is empty: write ${what}` })
        .max(max, { error: (iss) => `is ${String(iss.input).length} characters long, more than the limit of ${max}: shorten it` }),
    );

/** A list of at most `max` entries, with the limit in the message. */
const atMost = (max: number, what: string) => ({
  error: (iss: { input?: unknown }) => `has ${Array.isArray(iss.input) ? iss.input.length : "too many"} ${what}, more than the limit of ${max}: keep the ${max} that matter most`,
  // Only on a list: a value that is not one is already reported ("must be a list …").
  when: (payload: { value: unknown }) => Array.isArray(payload.value),
});

const dateTime = (what: string) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `is missing: add ${what} as an ISO 8601 date and time with offset, e.g. 2026-08-17T09:30:00+01:00`
          : `must be an ISO 8601 date and time with offset, e.g. 2026-08-17T09:30:00+01:00`,
    })
    .refine(isIsoDateTimeWithOffset, {
      error: (iss) =>
        isImpossibleDate(iss.input)
          ? `"${String(iss.input)}" is not a real date and time: check the day, month and hour`
          : `"${String(iss.input)}" is not an ISO 8601 date and time with offset: write it like 2026-08-17T09:30:00+01:00 (+01:00 in British Summer Time, Z or +00:00 in winter)`,
    });

const url = (what: string) =>
  z.url({
    protocol: /^https?$/,
    error: (iss) => (iss.input === undefined ? `is missing: add ${what}` : `"${String(iss.input)}" is not a web address: write a full https:// URL for ${what}`),
  });

/** Image files the site serves, by extension. */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"] as const;
/** What feed readers take as a channel logo (RSS 2.0 allows only these). */
export const LOGO_EXTENSIONS = ["png", "jpg", "jpeg", "gif"] as const;

const FORMAT_NAMES: Record<string, string> = { png: "PNG", jpg: "JPEG", gif: "GIF", webp: "WebP", avif: "AVIF", svg: "SVG" };

/**
 * What is wrong with an image path or URL, or undefined when it is fine. A local image is a plain path under
 * /images/ (letters, digits, hyphens, underscores, dots; no "..", backslashes, %, quotes, spaces, query or
 * fragment) ending in an image extension: it is printed into pages, feeds and attributes as it is, and the
 * file it names is checked as it is, never after resolving it. An image elsewhere is an https URL that parses,
 * with nothing in it that could end an attribute or a tag.
 */
export function imagePathProblem(value: string, what: string, extensions: readonly string[] = IMAGE_EXTENSIONS): string | undefined {
  const names = extensions.flatMap((e) => FORMAT_NAMES[e] ?? []);
  const kinds = `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  if (/^https:\/\//i.test(value)) {
    if (/[\s"'<>\\`\u0000-\u001F\u007F]/.test(value)) {
      return `${quoteValue(value)} is not a usable web address: it has spaces, quotes, angle brackets or backslashes. Copy the image's address again, or put the image in /images/`;
    }
    if (!URL.canParse(value)) return `${quoteValue(value)} is not a web address: write a full https:// URL for ${what}`;
    return undefined;
  }
  if (/^http:\/\//i.test(value)) return `${quoteValue(value)} is not secure: use the https:// address of ${what}, or put the image in /images/`;
  if (!value.startsWith("/")) return `must start with / (a file in the site) or https:// (an image elsewhere): write the path of ${what}`;
  if (!value.startsWith("/images/")) return `${quoteValue(value)} is not in /images/: put ${what} in the images folder and write /images/<file name>`;
  if (/[?#]/.test(value)) return `${quoteValue(value)} has a ? or #: write the path of the file alone, e.g. /images/chart.png`;
  if (!/^[A-Za-z0-9_./-]+$/.test(value)) {
    return `${quoteValue(value)} may contain only letters, digits, hyphens, underscores, dots and slashes: rename the file (e.g. lower-case words joined by hyphens) and write its path`;
  }
  if (
    value
      .split("/")
      .slice(1)
      .some((segment) => segment === "" || segment.startsWith("."))
  ) {
    return `${quoteValue(value)} has an empty folder name or one starting with a dot (such as ".."): write the path from /images/ down to the file`;
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(value)?.[1]?.toLowerCase();
  if (!extension || !extensions.includes(extension)) return `${quoteValue(value)} is not ${extensions === IMAGE_EXTENSIONS ? "an image" : "a usable image"}: use a ${kinds} file`;
  return undefined;
}

const imagePath = (what: string, extensions: readonly string[] = IMAGE_EXTENSIONS) =>
  z
    .string({ error: `must be text: write the path or URL of ${what}` })
    .trim()
    .refine((s) => imagePathProblem(s, what, extensions) === undefined, {
      error: (iss) => imagePathProblem(String(iss.input), what, extensions),
    });

export const imageSchema = z
  .strictObject({
    src: imagePath("the image").meta({ description: "Path (`/images/…`) or https URL of the image" }),
    alt: text("alt text that describes the image for people who cannot see it", LIMITS.alt).meta({
      description: "Alt text: what the image shows, for screen reader users",
    }),
    caption: text("a caption", LIMITS.caption).optional().meta({ description: "Caption shown under the image (optional)" }),
    credit: text('who took or owns the image, e.g. "GOV.UK"').meta({ description: 'Who owns the image, e.g. "GOV.UK"' }),
    licence: text('the licence, e.g. "Open Government Licence v3.0"').optional().meta({ description: 'Licence, e.g. "Open Government Licence v3.0" (optional)' }),
  })
  .meta({ description: "Lead image: src, alt, caption, credit, licence" });

export const changeSchema = z.strictObject({
  date: dateTime("the date of the change").meta({ description: "When the change was made, ISO 8601 with offset" }),
  note: text("what changed, in a sentence", LIMITS.note)
    .optional()
    .meta({ description: "What changed, in a sentence readers will see. Leave it out for a minor edit (a typo): not shown, and the last-updated date stays" }),
});

const WITHDRAWN_EXAMPLE = 'withdrawn: {date: 2027-03-03T09:30:00Z, reason: "This policy no longer applies."}';

export const withdrawnSchema = z
  .strictObject(
    {
      date: dateTime("the date the item was withdrawn").meta({ description: "When the item was withdrawn, ISO 8601 with offset" }),
      reason: text("why the item was withdrawn, in a sentence or two readers will see", LIMITS.reason).meta({
        description: `Why it was withdrawn, in plain text readers will see; at most ${LIMITS.reason} characters`,
      }),
    },
    {
      error: (iss) =>
        iss.input === true
          ? `is true, the old form: give the date and the reason instead, e.g. ${WITHDRAWN_EXAMPLE}`
          : iss.input === false
            ? "is false, the old form: remove the line (an item is withdrawn only when withdrawn has a date and a reason)"
            : `must be the date and the reason, e.g. ${WITHDRAWN_EXAMPLE}`,
    },
  )
  .meta({
    description:
      "Withdrawn (optional): {date, reason}. The page stays with a withdrawn notice and the reason, hidden from search engines; the item leaves every list, feed and sitemap",
  });

export const newsItemSchema = z.strictObject({
  title: text("the headline", LIMITS.title).meta({ description: `Headline, at most ${LIMITS.title} characters`, examples: ["Councils get new cyber security toolkit"] }),
  description: text("the standfirst: one sentence that sums up the item", LIMITS.description).meta({
    description: `Standfirst: one sentence under the headline, also used in lists, search and feeds; at most ${LIMITS.description} characters`,
  }),
  date: dateTime("the publication date").meta({
    description: "First published, ISO 8601 with offset. A future date embargoes the item until then",
    examples: ["2026-08-17T09:30:00+01:00"],
  }),
  type: z
    .enum(NEWS_TYPES, {
      error: (iss) => (iss.input === undefined ? `is missing: add one of ${NEWS_TYPES.join(", ")}` : `"${String(iss.input)}" is not a type: use one of ${NEWS_TYPES.join(", ")}`),
    })
    .meta({ description: `Label above the headline: one of ${NEWS_TYPES.join(", ")}` }),
  authors: z
    .array(z.string({ error: "must be an author id: the file name in content/authors/ without .md, e.g. jennifer-scott" }), {
      error: "must be a list of author ids, e.g. [jennifer-scott], or [] for the organisation byline",
    })
    .max(LIMITS.authors, atMost(LIMITS.authors, "authors"))
    .default([])
    .meta({ description: "Author ids (file names in `content/authors/`); empty for the organisation byline" }),
  tags: z
    .array(text("a tag", LIMITS.tag), { error: 'must be a list of tags, e.g. ["Cyber security", "Local government"]' })
    .max(LIMITS.tags, atMost(LIMITS.tags, "tags"))
    .default([])
    .meta({ description: `Topics; spelling and case are merged (Cyber security = cyber-security). At most ${LIMITS.tags} tags of ${LIMITS.tag} characters` }),
  image: imageSchema.optional(),
  changes: z
    .array(changeSchema, { error: "must be a list of changes, each with a date and (except for a minor edit) a note" })
    .max(LIMITS.changes, atMost(LIMITS.changes, "change notes"))
    .optional()
    .meta({ description: "Change notes: list of {date, note}, shown newest first; the newest with a note sets the last-updated date on the page and in feeds" }),
  related: z
    .array(z.string({ error: "must be the file name of an item in content/news/ without .md" }), {
      error: "must be a list of item file names (without .md), e.g. [council-cyber-toolkit]",
    })
    .max(LIMITS.related, atMost(LIMITS.related, "related items"))
    .optional()
    .meta({ description: "Related items chosen by the editor (file names without .md), listed first, in this order" }),
  relatedExclude: z
    .array(z.string({ error: "must be the file name of an item in content/news/ without .md" }), {
      error: "must be a list of item file names (without .md) never to suggest as related",
    })
    .max(LIMITS.relatedExclude, atMost(LIMITS.relatedExclude, "excluded items"))
    .optional()
    .meta({ description: "Items never to suggest as related to this one (file names without .md)" }),
  aliases: z
    .array(
      z
        .string({ error: "must be an old file name of this item (without .md), e.g. council-cyber-kit" })
        .trim()
        .regex(SLUG_PATTERN, {
          error: (iss) => `${quoteValue(String(iss.input))} is not a file name: write the item's old file name without .md, in lower-case letters, digits and single hyphens`,
        }),
      { error: "must be a list of the item's old file names (without .md), e.g. [council-cyber-kit]" },
    )
    .max(LIMITS.aliases, atMost(LIMITS.aliases, "aliases"))
    .optional()
    .meta({ description: "Old file names (without .md) of a renamed item: each old address redirects (301) to this one once it is published" }),
  id: z
    .string({ error: "must be text: a URL or tag: URI that identifies the item for ever" })
    .max(LIMITS.id, { error: (iss) => `is ${String(iss.input).length} characters long, more than the limit of ${LIMITS.id}: use a shorter id` })
    .regex(/^(https?:\/\/|tag:|urn:)\S+$/, { error: (iss) => `"${String(iss.input)}" is not a permanent id: use a URL, tag: or urn: URI, e.g. tag:example.gov.uk,2026:council-ai` })
    .optional()
    .meta({ description: "Permanent feed id (optional): set it only to keep an old id when moving an item; default is the item's URL" }),
  draft: z.boolean({ error: "must be true or false" }).default(false).meta({ description: "true keeps the item out of the published site" }),
  withdrawn: withdrawnSchema.optional(),
});

/** Front matter as written by an editor (before defaults). */
export type NewsItemInput = z.input<typeof newsItemSchema>;
/** Front matter after validation and defaults. */
export type NewsItemData = z.output<typeof newsItemSchema>;

export const LINK_KINDS = ["website", "bluesky", "mastodon", "linkedin", "github", "x"] as const;

const calendarDate = (what: string) =>
  z
    .string({ error: `must be a date like 2024-04-01: write ${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `"${String(iss.input)}" is not a date like 2024-04-01: write ${what}` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: (iss) => `"${String(iss.input)}" is not a real date: check the day and month`,
    });

export const roleSchema = z.strictObject({
  role: text("the job title").meta({ description: "Job title held" }),
  organisation: text("the employer").meta({ description: "Employer" }),
  from: calendarDate("the first day in the role").meta({ description: "First day, e.g. 2019-04-01" }),
  to: calendarDate("the last day in the role").optional().meta({ description: "Last day; leave out for the role held now" }),
});

export const authorSchema = z.strictObject({
  name: text("the author's full name").meta({ description: "Full name as shown in bylines" }),
  role: text("the author's job title").meta({ description: "Current job title" }),
  organisation: text("where the author works").meta({ description: "Current employer" }),
  pronouns: text("pronouns, e.g. she/her", LIMITS.pronouns).optional().meta({ description: "Pronouns (optional)" }),
  photo: z
    .strictObject({
      src: imagePath("the photo").meta({ description: "Path (`/images/…`) or https URL of the photo" }),
      alt: text("alt text for the photo, e.g. the author's name", LIMITS.alt).meta({ description: "Alt text, e.g. the author's name" }),
    })
    .optional()
    .meta({ description: "Photo: src and alt (optional)" }),
  links: z
    .strictObject(
      Object.fromEntries(
        LINK_KINDS.map((k) => [
          k,
          url(`the ${k} link`)
            .optional()
            .meta({ description: `Full https:// address of their ${k} profile` }),
        ]),
      ) as Record<(typeof LINK_KINDS)[number], z.ZodOptional<z.ZodURL>>,
    )
    .optional()
    .meta({ description: `Profile links (optional): ${LINK_KINDS.join(", ")}` }),
  roles: z
    .array(roleSchema, { error: "must be a list of roles, each with role, organisation, from and (except the current one) to" })
    .max(LIMITS.roles, atMost(LIMITS.roles, "roles"))
    .optional()
    .meta({ description: "Role history (optional): articles show the role held on their publication date" }),
});
export type AuthorData = z.output<typeof authorSchema>;

/**
 * The site's own address: https, a host name and nothing after it, since templates and feeds append paths to it.
 * Given as the origin (no trailing slash), so "https://x.gov.uk/" never makes "//" in a link.
 */
export function siteOrigin(value: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password || parsed.search || parsed.hash || parsed.pathname !== "/") return undefined;
  if (/["'<>\\\s`]/.test(value)) return undefined;
  return parsed.origin;
}

const siteAddress = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? "is missing: add the site's production address, e.g. https://news.example.gov.uk"
        : "must be text: write the site's production address, e.g. https://news.example.gov.uk",
  })
  .transform((value, ctx) => {
    const origin = siteOrigin(value.trim());
    if (origin === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not the site's address: write https:// and the host name only, with no path, query or quotes, e.g. https://news.example.gov.uk`,
      });
      return z.NEVER;
    }
    return origin;
  });

/** "#1d70b8": a colour as six hexadecimal digits. */
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The site's icon (favicon): initials on a square of the brand colour (lib/content/favicon.ts). */
export const brandSchema = z
  .strictObject({
    colour: z
      .string({ error: 'must be text: write a colour as # and six hexadecimal digits, e.g. "#1d70b8"' })
      .trim()
      .regex(HEX_COLOUR, { error: (iss) => `${quoteValue(String(iss.input))} is not a colour: write # and six hexadecimal digits, e.g. "#1d70b8"` })
      .default("#1d70b8")
      .meta({ description: 'Background colour of the site icon, e.g. "#1d70b8" (the default, GOV.UK blue)' }),
    initials: z
      .string({ error: 'must be text: write one or two letters or digits, e.g. "GT"' })
      .trim()
      .regex(/^[A-Za-z0-9]{1,2}$/, { error: (iss) => `${quoteValue(String(iss.input))} is not one or two letters or digits: write e.g. "GT"` })
      .optional()
      .meta({ description: "One or two letters or digits shown in white on the site icon; default: the first letters of the first two words of the site title" }),
  })
  .meta({ description: "The site icon (favicon), in the browser tab and on phones' home screens: colour and initials (optional)" });

/** How far the site meets WCAG 2.2 AA, in the words of GOV.UK's model accessibility statement. */
export const COMPLIANCE_STATUSES = ["full", "partial", "not"] as const;

export const accessibilitySchema = z
  .strictObject({
    status: z
      .enum(COMPLIANCE_STATUSES, { error: (iss) => `${quoteValue(String(iss.input))} is not a compliance status: use full, partial or not` })
      .default("partial")
      .meta({
        description:
          "How far the site meets WCAG 2.2 AA: full (fully compliant), partial (partially compliant: list the problems in issues) or not (not compliant); default partial",
      }),
    issues: z
      .array(text("a problem, in a sentence readers will understand", LIMITS.note), { error: 'must be a list of sentences, e.g. ["Some older images have no text alternative."]' })
      .max(LIMITS.accessibilityIssues, atMost(LIMITS.accessibilityIssues, "known issues"))
      .default([])
      .meta({ description: "Known problems, one sentence each (what is not accessible and, if you can, when it will be fixed)" }),
    email: z
      .email({ error: (iss) => `${quoteValue(String(iss.input))} is not an email address: write the address people should write to, e.g. accessibility@example.gov.uk` })
      .optional()
      .meta({ description: "Email address for reporting accessibility problems and asking for content in another format" }),
    phone: text("a phone number, e.g. 020 7946 0000", 40).optional().meta({ description: "Phone number for the same (optional)" }),
    responseDays: z
      .number({ error: "must be a whole number of working days, e.g. 5" })
      .int({ error: "must be a whole number of working days, e.g. 5" })
      .min(1, { error: "must be at least 1 working day" })
      .max(60, { error: "must be at most 60 working days" })
      .optional()
      .meta({ description: "Working days within which you reply to a request (optional)" }),
    testedOn: calendarDate("the day the site was last tested").optional().meta({ description: "When the site was last tested for accessibility, e.g. 2026-09-01" }),
    testedBy: text("who tested the site").optional().meta({ description: "Who tested it, e.g. the organisation's digital team or an auditor" }),
    prepared: calendarDate("the day this statement was prepared").optional().meta({ description: "When this statement was first prepared, e.g. 2026-09-01" }),
    reviewed: calendarDate("the day this statement was last reviewed").optional().meta({ description: "When it was last reviewed, e.g. 2026-12-01" }),
    plans: text("what you are doing to fix the known problems, in a sentence or two", LIMITS.reason)
      .optional()
      .meta({ description: "What you are doing to improve accessibility, and by when (optional)" }),
  })
  // A fully compliant site has no known problems: listing some means the status is wrong, or they are fixed.
  .refine((a) => a.status !== "full" || a.issues.length === 0, {
    path: ["issues"],
    error: 'lists problems, but status is "full" (fully compliant): set status to "partial", or remove the problems that are fixed',
  })
  .meta({ description: "The accessibility statement at /accessibility/ (optional: without it the page says what the site's own checks cover)" });

export const cookiesSchema = z
  .strictObject({
    analytics: z
      .array(
        z.strictObject({
          name: text("the cookie's name, e.g. _ga", 100).meta({ description: "The cookie's name, e.g. _ga" }),
          purpose: text("what the cookie is for, in a sentence", LIMITS.note).meta({ description: "What it is for, e.g. counts visits to each page" }),
          expiry: text("how long it is kept, e.g. 2 years", 60).meta({ description: "How long it is kept, e.g. 2 years" }),
          provider: text("who sets it, e.g. Google Analytics").optional().meta({ description: "Who sets it (optional), e.g. Google Analytics" }),
        }),
        { error: "must be a list of cookies, each with name, purpose and expiry" },
      )
      .max(LIMITS.cookies, atMost(LIMITS.cookies, "cookies"))
      .default([])
      .meta({ description: "Analytics cookies the site sets, if any: the cookies page lists each. Leave out when the site has no analytics" }),
    privacyNotice: url("the organisation's privacy notice").optional().meta({ description: "Address of the organisation's privacy notice (optional)" }),
  })
  .meta({ description: "The cookies page at /cookies/ (optional: without it the page says the site stores nothing)" });

export const siteSchema = z.strictObject({
  title: text("the site name").meta({ description: "The site's name, in the header, page titles and feeds" }),
  description: text("one sentence about the site", LIMITS.description).meta({ description: "One sentence about the site, on the home page and in feeds" }),
  url: siteAddress.meta({ description: "The production address: https:// and the host name only", examples: ["https://news.example.gov.uk"] }),
  language: z.string().default("en-GB").meta({ description: "Language of the content; default en-GB" }),
  organisation: z
    .strictObject({
      name: text("the organisation's name").meta({ description: "The organisation that runs the site" }),
      url: url("the organisation's website").meta({ description: "Its website" }),
    })
    .meta({ description: "Who runs the site: named in bylines without an author, structured data and the accessibility statement" }),
  copyright: text('a copyright line, e.g. "© Crown copyright"').meta({ description: 'Copyright line in the footer, e.g. "© Crown copyright"' }),
  licence: z
    .strictObject({ name: text("the licence name").meta({ description: "Licence name" }), url: url("the licence text").meta({ description: "Address of the licence text" }) })
    .meta({ description: "The content licence named in the footer" }),
  perPage: z
    .number({ error: "must be a whole number of items per list page, e.g. 20" })
    .int({ error: "must be a whole number of items per list page, e.g. 20" })
    .min(1, { error: "must be at least 1: use a number of items per list page between 1 and 200, e.g. 20" })
    .max(200, { error: "must be at most 200: use a number of items per list page between 1 and 200, e.g. 20" })
    .default(20)
    .meta({ description: "Items per list page (home, topics, types, authors, archive); default 20" }),
  feedSize: z
    .number({ error: "must be a whole number of items per feed, e.g. 20" })
    .int({ error: "must be a whole number of items per feed, e.g. 20" })
    .min(1, { error: "must be at least 1: use a number of items per feed between 1 and 500, e.g. 20" })
    .max(500, { error: "must be at most 500: use a number of items per feed between 1 and 500, e.g. 20" })
    .default(20)
    .meta({ description: "Items in each feed; default 20" }),
  /** Feed and Open Graph logo: a PNG, GIF or JPEG path in the site (RSS channel images must be one of these). */
  logo: imagePath("the logo", LOGO_EXTENSIONS).optional().meta({ description: "Logo for feeds and sharing: a PNG, GIF or JPEG under /images/ (optional)" }),
  /** An optional email alerts sign-up, shown on the "Get updates" page and in the box on articles. */
  alerts: z
    .strictObject({
      signupUrl: url("the email sign-up page").meta({ description: "Address of the sign-up page" }),
      text: text("the link text").optional().meta({ description: 'Link text; default "Sign up for email alerts"' }),
    })
    .optional()
    .meta({ description: "An email alerts sign-up link on the Get updates page and on articles (optional)" }),
  /** Only for departments whose site is on GOV.UK: the crown, GOV.UK logotype and GDS Transport font. */
  govukBranding: z.boolean().default(false).meta({ description: "true only for a department whose site is on GOV.UK: the crown, the GOV.UK logotype, font and icons" }),
  featured: z
    .array(
      z
        .string({ error: "must be the file name of an item in content/news/ without .md" })
        .trim()
        .regex(SLUG_PATTERN, { error: (iss) => `${quoteValue(String(iss.input))} is not an item's file name: write it without .md, e.g. council-cyber-toolkit` }),
      { error: "must be a list of one to three item file names (without .md), e.g. [council-cyber-toolkit]" },
    )
    .max(LIMITS.featured, atMost(LIMITS.featured, "featured items"))
    .optional()
    .meta({
      description: `Items shown at the top of the home page with their lead image, in this order: file names in \`content/news/\` without .md, at most ${LIMITS.featured}. Each must be published`,
      examples: ["[council-cyber-toolkit]"],
    }),
  brand: brandSchema.optional(),
  accessibility: accessibilitySchema.optional(),
  cookies: cookiesSchema.optional(),
});
export type SiteData = z.output<typeof siteSchema>;

/**
 * Stands in for an invalid or missing site.json while the plugin is configured and bodies are rendered, so a build
 * goes on to report every content problem at once (site.json's among them). Never published: such a build fails.
 */
export const PLACEHOLDER_SITE: Readonly<SiteData> = siteSchema.parse({
  title: "News",
  description: "News",
  url: "https://example.org",
  organisation: { name: "Organisation", url: "https://example.org" },
  copyright: "Copyright",
  licence: { name: "Licence", url: "https://example.org" },
});
