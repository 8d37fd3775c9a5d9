/**
 * Tags compare case-, space- and punctuation-insensitively: "Cyber security", "cyber-security" and
 * "Cyber  Security" are one tag with one page. The label shown is the spelling used most often
 * (ties: the alphabetically first, so output never depends on file order).
 */
import slugify from "@sindresorhus/slugify";

const tagSlugs = new Map<string, string>();

/** The tag's identity and URL segment, e.g. "cyber-security". Control characters are dropped first. */
export function tagSlug(tag: string): string {
  let slug = tagSlugs.get(tag);
  if (slug === undefined) {
    slug = slugify(tag.replace(/[\u0000-\u001f\u007f]/g, " "), { decamelize: false });
    // Archives reuse a few hundred spellings across thousands of items: slugify each once (bounded, so a
    // long-running `npm start` cannot grow it without end).
    if (tagSlugs.size >= 100_000) tagSlugs.clear();
    tagSlugs.set(tag, slug);
  }
  return slug;
}

/** The tag's list page, e.g. "/tags/cyber-security/", from its slug (tagSlug). */
export function tagUrl(slug: string): string {
  return `/tags/${slug}/`;
}

export interface TagInfo {
  slug: string;
  label: string;
  /** Every spelling seen, with how often, most common first. */
  spellings: Array<{ spelling: string; count: number }>;
}

/** Group spellings by slug and pick each tag's label. Input: every tag spelling of every item (repeats count). */
export function mergeTags(spellings: Iterable<string>): Map<string, TagInfo> {
  const counts = new Map<string, Map<string, number>>();
  for (const raw of spellings) {
    const spelling = raw.replace(/\s+/g, " ").trim();
    const slug = tagSlug(spelling);
    if (!slug) continue;
    const bySpelling = counts.get(slug) ?? new Map<string, number>();
    bySpelling.set(spelling, (bySpelling.get(spelling) ?? 0) + 1);
    counts.set(slug, bySpelling);
  }
  const result = new Map<string, TagInfo>();
  for (const slug of [...counts.keys()].sort()) {
    const ranked = [...counts.get(slug)!.entries()]
      .map(([spelling, count]) => ({ spelling, count }))
      .sort((a, b) => b.count - a.count || (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0));
    result.set(slug, { slug, label: ranked[0]!.spelling, spellings: ranked });
  }
  return result;
}
