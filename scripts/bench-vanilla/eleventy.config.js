/**
 * The bench's yardstick: a plain Eleventy 3 news site over the same synthetic corpus, as someone would write it
 * from Eleventy's docs. No plugins, no related articles, no feeds: article pages with a layout, a date-ordered
 * list paginated by 20, and a page per tag. `npm run bench` builds it beside ours in every round, so our build
 * time can be read against it on the machine as it is at that moment (this VM's speed drifts by tens of per cent).
 *
 * Run from a folder that holds the corpus's `news/` and the templates next to this file (scripts/bench.ts sets
 * that up). Plain JavaScript: this is what a vanilla site looks like.
 */
export default function vanillaSite(eleventyConfig) {
  const byDate = (a, b) => b.date - a.date || a.fileSlug.localeCompare(b.fileSlug);
  eleventyConfig.addGlobalData("layout", "article.njk");
  eleventyConfig.addCollection("news", (api) => api.getFilteredByGlob("./news/*.md").sort(byDate));
  // One page per tag slug: the corpus, like real archives, spells some tags in two cases ("5G", "5g"), and
  // Eleventy's own tag collections would then write two pages to one address and stop.
  eleventyConfig.addCollection("tagPages", (api) => {
    const slugify = eleventyConfig.getFilter("slugify");
    const pages = new Map();
    for (const item of api.getFilteredByGlob("./news/*.md").sort(byDate)) {
      for (const tag of item.data.tags ?? []) {
        const slug = slugify(tag);
        if (!pages.has(slug)) pages.set(slug, { slug, name: tag, items: [] });
        pages.get(slug).items.push(item);
      }
    }
    return [...pages.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  });
  eleventyConfig.addFilter("isoDate", (date) => date.toISOString().slice(0, 10));
  return { dir: { input: ".", includes: "_includes" } };
}
