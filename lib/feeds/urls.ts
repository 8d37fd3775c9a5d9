/**
 * Absolute URLs for feeds: readers show feed content away from our site, so every link and image in an
 * item's HTML must be absolute. Pure and table-tested, like Eleventy's own `applyBaseToUrl`.
 */

/** Resolve `url` against `base` ("/news/x/" + "https://example.org" → "https://example.org/news/x/"). */
export function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

// Attributes that hold URLs in the HTML our Markdown renderer produces.
const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)"([^"]*)"/gi;

function absoluteRef(ref: string, base: string): string {
  const trimmed = ref.trim();
  // Leave fragments alone only when they point into the same page: in a feed they should point at the page.
  if (/^(?:[a-z][a-z0-9+.-]*:)/i.test(trimmed)) return ref; // already absolute (https:, mailto:, tel:, data:)
  return absoluteUrl(trimmed, base);
}

/**
 * Make every relative URL in `html` absolute against `base` (the item's own URL, so "#notes" and "../x/"
 * resolve as they do on the page). Quoted attribute values are rewritten; entities in them are kept.
 */
export function absolutiseHtml(html: string, base: string): string {
  // Only inside start tags: text that happens to read href="/x" is left alone.
  return html.replace(START_TAG, (tag) => absolutiseTag(tag, base));
}

const START_TAG = /<[a-zA-Z][^<>]*>/g;

function absolutiseTag(tag: string, base: string): string {
  return tag
    .replace(URL_ATTRIBUTE, (_m, prefix: string, dq: string | undefined, sq: string | undefined) => {
      const value = dq ?? sq ?? "";
      const decoded = value.replace(/&amp;/g, "&");
      const resolved = absoluteRef(decoded, base).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
      return `${prefix}"${resolved}"`;
    })
    .replace(SRCSET_ATTRIBUTE, (_m, prefix: string, value: string) => {
      const parts = value.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [absoluteRef(url, base), ...descriptor].join(" ");
      });
      return `${prefix}"${parts.join(", ")}"`;
    });
}
