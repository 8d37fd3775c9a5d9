/**
 * npm run check: validate the content folder without building, with the same rules and messages as the build.
 * For editors and for a fast pull-request check. Run through scripts/check-content.ts.
 * Every item's body is rendered and sanitised as the build does it: what the sanitiser would remove is reported
 * with the other problems, in the same run.
 */
import path from "node:path";
import { folderOptions, readContent, takeInventory } from "../lib/content/load.ts";
import { prepareModel } from "../lib/content/model.ts";
import { formatIssues, formatWarnings, githubAnnotation } from "../lib/content/issues.ts";
import { withPositions } from "../lib/content/positions.ts";
import { checkBodiesInParallel } from "../lib/build/check-bodies.ts";

const content = process.argv[2] ?? process.env.GOVNEWS_CONTENT ?? "content";
const root = process.cwd();
const paths = { root, content: path.resolve(content) };
// The bodies are checked in worker threads (lib/build/check-bodies.ts) while this thread reads the front matter.
const inventory = takeInventory(paths);
// GOVNEWS_CHECK_THREADS: how many (default: one per core; npm run bench:check compares with one).
const threads = Number(process.env.GOVNEWS_CHECK_THREADS) || undefined;
const bodies = checkBodiesInParallel(inventory.news, root, threads);
const input = readContent(paths, {}, inventory);
// The front matter's checks meanwhile; then each body's, in the same order as the build's.
const prepared = prepareModel(input, { now: Date.now(), ...folderOptions(paths) });
const checks = await bodies;
const { model, issues, warnings } = prepared.finish((file) => checks.get(file)!);
// Warnings first: with errors, the errors end the output, where the editor looks.
if (warnings.length > 0) {
  const placed = withPositions(warnings, root);
  console.warn(formatWarnings(placed));
  if (process.env.GITHUB_ACTIONS === "true") for (const warning of placed) console.log(githubAnnotation(warning));
}
if (issues.length > 0 || !model) {
  const placed = withPositions(issues, root);
  console.error(formatIssues(placed).replace("nothing was published", "fix them before publishing"));
  // Under GitHub Actions, each problem also as an annotation: the pull request shows it on its line.
  if (process.env.GITHUB_ACTIONS === "true") for (const issue of placed) console.log(githubAnnotation(issue));
  process.exit(1);
}
const counts = { published: 0, draft: 0, scheduled: 0, withdrawn: 0 };
for (const article of model.all) counts[article.state]++;
console.log(
  `Content OK: ${model.all.length} items (${counts.published} published, ${counts.scheduled} scheduled, ${counts.draft} drafts, ${counts.withdrawn} withdrawn), ` +
    `${model.authors.size} authors, ${model.tags.length} topics.`,
);
