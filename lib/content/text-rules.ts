/**
 * The content rules that code outside the schema needs, without the schema library: the item types, the slug
 * pattern, control characters, file size limits and how a value is quoted in a message. schema.ts builds on these and
 * exports them again; modules that run in the build's worker threads (Markdown, the related-articles engine, the
 * search index) import them from here, so that no worker loads zod (tests/unit/build/worker-imports.test.ts).
 */

/** Item types, in the order they are offered to editors. The value is also the label shown above the title. */
export const NEWS_TYPES = ["news", "analysis", "opinion", "feature", "press release", "interview"] as const;

/** Slugs (file names) and author ids: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Stray control characters (pasted from Word or old CMS exports) are invisible and make XML invalid: drop
// them from every text field, and from Markdown bodies before they are rendered. Tab and line breaks are kept.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Drops stray control characters (C0 controls except tab, LF and CR, and DEL). */
export function stripControlCharacters(source: string): string {
  return source.replace(CONTROL, "");
}

/** The largest item, author or site.json file (bytes): far above what a long feature needs. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;
/** The largest image file (bytes): a lead image needs far less; resize bigger ones. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** A file size as a message gives it: in megabytes (one decimal place) from a megabyte up, else in kilobytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** What a message says of a file over a size limit: both sizes, in bytes when they would otherwise read the same. */
export function sizeOverLimit(bytes: number, limit: number): string {
  const [size, max] =
    formatBytes(bytes) === formatBytes(limit)
      ? [`${bytes.toLocaleString("en-GB")} bytes`, `${limit.toLocaleString("en-GB")} bytes (${formatBytes(limit)})`]
      : [formatBytes(bytes), formatBytes(limit)];
  return `is ${size}, more than the limit of ${max}`;
}

/** A value as a message shows it: quoted, invisible characters escaped, long values shortened. */
export function quoteValue(value: string, max = 80): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(short).replace(/[\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
