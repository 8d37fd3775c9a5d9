/**
 * npm run check: validate the content folder without building, with the same rules and messages as the build.
 * For editors and for a fast pull-request check. Usage: npm run check [-- <content folder>]
 * Every item's body is rendered and sanitised as the build does it: what the sanitiser would remove is reported
 * with the other problems, in the same run.
 */
import path from "node:path";
import { loadContent } from "../lib/content/load.ts";
import { formatIssues, githubAnnotation } from "../lib/content/issues.ts";
import { withPositions } from "../lib/content/positions.ts";
import { bodyChecker, createMarkdown } from "../lib/eleventy/markdown.ts";

const content = process.argv[2] ?? process.env.GOVNEWS_CONTENT ?? "content";
const root = process.cwd();
const checkBody = bodyChecker(await createMarkdown(), root);
const { model, issues } = loadContent({ root, content: path.resolve(content) }, { now: Date.now(), checkBody });
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
