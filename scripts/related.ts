/**
 * npm run related -- <slug> [content folder]: the related articles for one published item, with scores,
 * sources and reasons, as the site will show them. For editors checking a list and for tuning.
 */
import path from "node:path";
import { loadContent } from "../lib/content/load.ts";
import { formatIssues } from "../lib/content/issues.ts";
import { withPositions } from "../lib/content/positions.ts";
import { formatDate } from "../lib/content/dates.ts";
import { suggest } from "../lib/content/suggest.ts";
import type { Model } from "../lib/content/model.ts";
import { buildRelatedIndex, type RelatedIndex } from "../lib/related/engine.ts";
import { toArticleSummary } from "../lib/related/adapter.ts";

const USAGE = "Usage: npm run related -- <slug> [content folder]   e.g. npm run related -- nhs-app-hospital-letters-records";

/** The report for one slug, or an error message (with a suggestion) when there is no such published item. */
export function relatedReport(model: Model, index: RelatedIndex, slug: string): { ok: boolean; text: string } {
  const article = model.bySlug.get(slug);
  if (!article || !index.has(slug)) {
    if (article) {
      return { ok: false, text: `"${slug}" is ${article.state === "draft" ? "a draft" : article.state}: related articles are listed for published items only.` };
    }
    const slugs = model.published.map((a) => a.slug).sort();
    // A typo (edit distance), or part of a slug: "nhs-app" finds "nhs-app-hospital-letters-records".
    const words = slug
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const containing = words.length ? slugs.filter((s) => words.every((w) => s.includes(w))) : [];
    const near = suggest(slug, slugs) ?? (containing.length === 1 ? containing[0] : undefined);
    const hint = near
      ? `: did you mean "${near}"?`
      : containing.length > 1
        ? `. Slugs containing it: ${containing.slice(0, 5).join(", ")}${containing.length > 5 ? `, … (${containing.length} in all)` : ""}.`
        : ".";
    return { ok: false, text: `No published item has the slug "${slug}"${hint} The slug is the file name in news/ without .md.` };
  }
  const lines = [
    `${article.title}`,
    `  ${slug} · ${article.type} · ${formatDate(article.date)}${article.tags.length ? ` · tags: ${article.tags.map((t) => t.label).join(", ")}` : " · no tags"}`,
    "",
  ];
  const entries = index.get(slug);
  if (entries.length === 0) lines.push("No other published items.");
  entries.forEach((entry, i) => {
    const other = model.bySlug.get(entry.slug)!;
    lines.push(`${String(i + 1).padStart(2)}. ${entry.score.toFixed(4)}  ${entry.source.padEnd(11)}  ${other.title}`);
    lines.push(`    ${entry.slug} · ${formatDate(other.date)}`);
    lines.push(`    ${entry.reasons.join("; ") || "(no shared signals)"}`);
  });
  return { ok: true, text: lines.join("\n") };
}

if (import.meta.main) {
  const [slug, content = process.env.GOVNEWS_CONTENT ?? "content"] = process.argv.slice(2);
  if (!slug || slug.startsWith("-")) {
    console.error(USAGE);
    process.exit(2);
  }
  const { model, issues } = loadContent({ root: process.cwd(), content: path.resolve(content) }, { now: Date.now() });
  if (issues.length > 0 || !model) {
    console.error(formatIssues(withPositions(issues, process.cwd())).replace("nothing was published", "fix them first"));
    process.exit(1);
  }
  const started = performance.now();
  const index = buildRelatedIndex(model.published.map(toArticleSummary));
  const built = performance.now() - started;
  const report = relatedReport(model, index, slug);
  if (!report.ok) {
    console.error(report.text);
    process.exit(1);
  }
  console.log(report.text);
  console.log(`\n(${model.published.length} published items indexed in ${Math.round(built)} ms; scores 0–1; see lib/related/options.ts for the weights)`);
}
