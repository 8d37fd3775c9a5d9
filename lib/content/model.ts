/**
 * The content model: validated news items and authors, publication state decided once, tags merged.
 * Pure: takes parsed files, returns plain data plus every problem found (never stops at the first).
 */
import { z } from "zod";
import { authorSchema, imageSchema, newsItemSchema, roleSchema, siteSchema, SLUG_PATTERN, type AuthorData, type NewsItemData, type NewsType, type SiteData } from "./schema.ts";
import { toMillis, isoDateTime } from "./dates.ts";
import { mergeTags, tagSlug } from "./tags.ts";
import { compareNewestFirst } from "./order.ts";
import { suggest } from "./suggest.ts";
import type { ContentIssue } from "./issues.ts";
import { roleProblems } from "../authors/roles.ts";
import { renderBioChecked } from "../authors/bio.ts";
import { bodyIssues } from "./sanitise.ts";
import { characterProblems } from "./characters.ts";
import { aliasIssues, wellFormedAliases } from "./aliases.ts";
import { itemProblems, missingImage, validFields, type CheckedFields, type ItemCheckContext } from "./item-checks.ts";
import { contentWarnings } from "./advice.ts";
import { goLive, planLinks, referenceProblems, type BodyReferences } from "./body-links.ts";

/** A file read from disk: path relative to the project (for messages), front matter and Markdown body. */
export interface SourceFile {
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** Set when the file could not be read or its front matter could not be parsed (YAML syntax error). */
  parseError?: string;
  /** The line of the file the body starts on (1 when unknown), so messages about the body name file lines. */
  bodyLine?: number;
  /** The field the parse error is reported on: "(front matter)" unless set ("(file)" for encoding or size). */
  errorField?: string;
  /** Where in the file the parse error is, when known. */
  errorAt?: { line: number; column: number };
}

const roleListSchema = z.array(roleSchema);

export type PublicationState = "published" | "draft" | "scheduled" | "withdrawn";

export interface Author extends AuthorData {
  id: string;
  file: string;
  /** The bio, as Markdown. */
  bio: string;
}

export interface TagRef {
  slug: string;
  label: string;
}

export interface Article {
  slug: string;
  file: string;
  url: string;
  title: string;
  description: string;
  type: NewsType;
  /** Published, as given (ISO 8601 with offset) and as epoch milliseconds for sorting. */
  date: string;
  dateMs: number;
  /** Last updated: the newest change note's date, or undefined. Moves only when a change with a note is added. */
  updated?: string;
  /** Changes with a note, newest first. Minor edits (a change without a note) are not shown and not kept. */
  changes: Array<{ date: string; note: string }>;
  /** When and why the item was withdrawn (state "withdrawn"): its page stays, with a notice. */
  withdrawn?: { date: string; reason: string };
  authorIds: string[];
  tags: TagRef[];
  image?: NewsItemData["image"];
  /** Pinned permanent id for feeds, if the front matter sets one. */
  id?: string;
  /** Curated related items (slugs, in order) and items never to suggest. */
  related?: string[];
  relatedExclude?: string[];
  /** Old file names of the item, each redirected to its address once it is published (aliases.ts). */
  aliases?: string[];
  state: PublicationState;
  /** The Markdown body (for pages, feeds, related articles and checks). */
  body: string;
}

/** Items grouped for lists: the items newest first, their tags and each author's items. */
export interface ItemSet {
  /** Newest first, then by slug. */
  articles: Article[];
  /** Tags of these items: slug → label and the items, newest first. Sorted by label. */
  tags: Array<TagRef & { articles: Article[] }>;
  /** Each author's items among these (co-authored ones included), newest first. Every author has an entry. */
  authorArticles: Map<string, Article[]>;
}

export interface Model {
  site: SiteData;
  /** Every valid item, whatever its state. Never render from this: use `published` or `listed`. */
  all: Article[];
  /**
   * The one source for every feed, sitemap, OPML file, related list, structured data and copied file: published
   * items only, newest first, then by slug, in production and in previews alike.
   */
  published: Article[];
  bySlug: Map<string, Article>;
  authors: Map<string, Author>;
  /** Tags of published items: slug → label and the items, newest first. Sorted by label. */
  tags: Array<TagRef & { articles: Article[] }>;
  /** Each author's published items (co-authored ones included), newest first. Every author has an entry. */
  authorArticles: Map<string, Article[]>;
  /**
   * What this build's pages list: the published items, and in a deploy preview drafts and scheduled items too.
   * Only item pages and list pages read this; in production it is the published set itself.
   */
  listed: ItemSet;
  /**
   * Withdrawn items, newest first: pages kept (with a withdrawn notice, hidden from search engines) so old links
   * still find the record, and nothing else. No list, feed, sitemap, related list or count reads this.
   */
  kept: Article[];
  /** Every item this build gives a page: `listed.articles` then `kept`. */
  pages: Article[];
  /**
   * The items site.json features at the top of the home page, in its order: published items only (featuring
   * anything else is a content error), so a preview shows the same ones.
   */
  featured: Article[];
  /**
   * Every image file in the content folder, as site paths (`/images/authors/x.png`), sorted; each checked to be
   * the image type its extension says. Copy only those that published items and authors use.
   */
  images: string[];
}

export interface ModelOptions {
  /** Epoch ms that decides what is scheduled. Pass it in so builds and tests are reproducible. */
  now: number;
  /** Deploy previews: list drafts and scheduled items too (never withdrawn ones, which only keep their page). */
  preview?: boolean;
  /** Checks that need the file system (e.g. that a local image exists), injected to keep this module pure. */
  fileExists?: (sitePath: string) => boolean;
  /** The content folder as editors know it, for messages ("content"). */
  contentDir?: string;
  /**
   * Checks an item's Markdown body (`npm run check`: renders and sanitises it), injected to keep this module
   * free of Markdown. Called for every item whose front matter could be read, valid or not.
   */
  checkBody?: (file: string, body: string) => BodyCheck;
  /** Items made by earlier builds (npm start's rebuilds): an unchanged item is the same object again. */
  articles?: ArticleCache;
}

/**
 * Items as made from the files they were read from. `npm start` keeps a file's SourceFile while the file is
 * unchanged (source-cache.ts), so a rebuild gives an unchanged item the same Article object, and whatever was
 * derived from it before (its page's key, preview.ts) still holds. Never mutated: a production build, which
 * releases bodies from its Articles (load.ts), passes none.
 */
export type ArticleCache = WeakMap<SourceFile, { labels: string; state: PublicationState; article: Article }>;

/** What checking a body found: what the sanitiser would remove, and the links and images to check. */
export interface BodyCheck {
  issues: ContentIssue[];
  references: BodyReferences;
}

export function publicationState(item: Pick<NewsItemData, "draft" | "withdrawn" | "date">, now: number): PublicationState {
  if (item.withdrawn) return "withdrawn";
  if (item.draft) return "draft";
  if (toMillis(item.date) > now) return "scheduled";
  return "published";
}

export function isVisible(state: PublicationState, preview = false): boolean {
  return state === "published" || (preview && (state === "draft" || state === "scheduled"));
}

/** "image.alt", "authors[1]", "changes[0].date" */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

function zodIssues(file: string, error: z.ZodError, known: readonly string[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = fieldName([...issue.path, key]);
        const near = issue.path.length === 0 ? suggest(key, known) : undefined;
        if (issue.path.length === 0 && key === "featured" && known.includes("changes")) {
          issues.push({ file, field, message: "is not a field of an item: to feature it on the home page, add its file name (without .md) to featured in site.json" });
          continue;
        }
        if (issue.path.length === 0 && key === "updated" && known.includes("changes")) {
          issues.push({
            file,
            field,
            message: 'is not a field: record an update as a change note, e.g. changes: [{date: 2026-08-18T09:30:00+01:00, note: "Corrected a figure."}]',
          });
          continue;
        }
        issues.push({
          file,
          field,
          message: near
            ? `is not a known field: did you mean "${near}"?`
            : `is not a known field: remove it or check the spelling (see the front-matter reference in docs/editing.md)`,
        });
      }
    } else {
      issues.push({ file, field: fieldName(issue.path) || "(front matter)", message: issue.message });
    }
  }
  return issues;
}

/** Where a file's body starts, when known: an empty body is reported there. */
function bodyStart(source: SourceFile): { line: number; column: number } | Record<string, never> {
  return source.bodyLine === undefined ? {} : { line: source.bodyLine, column: 1 };
}

function slugFromFile(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.md$/, "");
}

function checkSlug(file: string, what: string, issues: ContentIssue[]): string {
  const slug = slugFromFile(file);
  if (!SLUG_PATTERN.test(slug)) {
    const better = tagSlug(slug);
    issues.push({
      file,
      field: "(file name)",
      message: `"${slug}" is not a valid ${what}: use lower-case letters, digits and single hyphens${better ? `, e.g. rename the file to ${better}.md` : ""}`,
    });
  }
  return slug;
}

export function validateSite(file: string, data: unknown): { site?: SiteData; issues: ContentIssue[] } {
  const characters = characterProblems(file, "", data);
  const parsed = siteSchema.safeParse(data);
  if (parsed.success && characters.length === 0) return { site: parsed.data, issues: [] };
  return { issues: [...characters, ...(parsed.success ? [] : zodIssues(file, parsed.error, Object.keys(siteSchema.shape)))] };
}

// What depends on one file alone, kept while the file's SourceFile object lives: `npm start` reads unchanged files
// from a SourceCache (source-cache.ts), which hands back the same object, so a rebuild after an edit checks only
// the edited file again. A production build sees each object once. SourceFiles are never changed once read.
const textChecked = new WeakMap<SourceFile, ContentIssue[]>();
const parsedItems = new WeakMap<SourceFile, ReturnType<typeof newsItemSchema.safeParse>>();

/** Invisible and invalid characters in every front-matter text and in the body. */
function textProblems(source: SourceFile): ContentIssue[] {
  let found = textChecked.get(source);
  if (!found) {
    found = [...characterProblems(source.file, "", source.data), ...characterProblems(source.file, "(body)", source.body, source.bodyLine)];
    textChecked.set(source, found);
  }
  return found;
}

/** The item's front matter against the schema, once per file as read. */
function parseItem(source: SourceFile): ReturnType<typeof newsItemSchema.safeParse> {
  let parsed = parsedItems.get(source);
  if (!parsed) parsedItems.set(source, (parsed = newsItemSchema.safeParse(source.data)));
  return parsed;
}

/**
 * The id each item's feed entries carry: its `id`, or its address on the site. Two items with one id are one
 * item to a feed reader (the second is never shown, or replaces the first), so each must be unique.
 */
function feedIdProblems(news: readonly SourceFile[], siteUrl: string | undefined): ContentIssue[] {
  const byId = new Map<string, Array<{ file: string; own: boolean }>>();
  for (const source of news) {
    if (source.parseError) continue;
    const own = typeof source.data.id === "string" ? source.data.id.trim() : undefined;
    let id = own;
    if (id === undefined && siteUrl) {
      try {
        id = new URL(`/news/${slugFromFile(source.file)}/`, siteUrl).href;
      } catch {
        // An invalid site address is reported on site.json.
      }
    }
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push({ file: source.file, own: own !== undefined });
    byId.set(id, list);
  }
  const issues: ContentIssue[] = [];
  for (const [id, sharing] of byId) {
    if (sharing.length < 2) continue;
    for (const { file, own } of sharing) {
      const others = sharing
        .filter((s) => s.file !== file)
        .map((s) => s.file)
        .join(", ");
      issues.push({
        file,
        field: "id",
        message: own
          ? `"${id}" is also the feed id of ${others}: give each item its own id (or leave id out to use the item's address)`
          : `is not set, so this item's feed id is its address "${id}", which ${others} also uses as its id: change or remove that id`,
      });
    }
  }
  return issues;
}

export function validateAuthors(
  files: readonly SourceFile[],
  options: Pick<ModelOptions, "fileExists" | "contentDir"> = {},
): { authors: Map<string, Author>; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const authors = new Map<string, Author>();
  for (const source of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (source.parseError) {
      issues.push({ file: source.file, field: source.errorField ?? "(front matter)", message: source.parseError, ...source.errorAt });
      issues.push(...characterProblems(source.file, "(body)", source.body, source.bodyLine));
      continue;
    }
    const id = checkSlug(source.file, "author id", issues);
    issues.push(...textProblems(source));
    const parsed = authorSchema.safeParse(source.data);
    if (!parsed.success) issues.push(...zodIssues(source.file, parsed.error, Object.keys(authorSchema.shape)));
    // Checks that do not need the whole file to be valid run anyway, so one run reports everything.
    const { removed } = renderBioChecked(source.body.trim());
    if (removed.length > 0)
      issues.push(...bodyIssues(source.file, source.body, removed, source.bodyLine).map((i) => ({ ...i, message: i.message.replace("an item's text", "a bio") })));
    if (!source.body.trim()) {
      issues.push({ file: source.file, field: "(body)", message: "is empty: write a short bio under the front matter", ...bodyStart(source) });
    }
    const roles = roleListSchema.safeParse(source.data.roles ?? []);
    if (roles.success) for (const [field, message] of roleProblems(roles.data)) issues.push({ file: source.file, field, message });
    // A photo without alt text may still name a file that does not exist.
    const src = imageSchema.shape.src.safeParse((source.data.photo as { src?: unknown } | undefined)?.src);
    const photo = src.success && missingImage(source.file, "photo.src", src.data, options);
    if (photo) issues.push(photo);
    if (!parsed.success) continue;
    authors.set(id, { ...parsed.data, id, file: source.file, bio: source.body.trim() });
  }
  return { authors, issues };
}

/**
 * Build the model from parsed files. Returns every problem in every file; when `issues` is non-empty the
 * caller must not publish anything.
 */
export function buildModel(input: ModelInput, options: ModelOptions): ModelResult {
  return prepareModel(input, options).finish(options.checkBody);
}

/** The content as read from disk, for buildModel. */
export interface ModelInput {
  site: SourceFile;
  news: readonly SourceFile[];
  authors: readonly SourceFile[];
  /** Image files in the content folder, as site paths (`/images/x.png`). */
  images?: readonly string[];
  /** Problems with the folder itself: files that are not content, links, images that are not images. */
  folderIssues?: readonly ContentIssue[];
}

export interface ModelResult {
  model?: Model;
  issues: ContentIssue[];
  warnings: ContentIssue[];
}

/**
 * buildModel in two steps, so that the bodies can be checked elsewhere meanwhile (`npm run check` renders them
 * in worker threads): every check of the front matter first, then `finish` with each body's check. The same
 * result as buildModel with that checkBody.
 */
export function prepareModel(input: ModelInput, options: Omit<ModelOptions, "checkBody">): { finish(checkBody?: ModelOptions["checkBody"]): ModelResult } {
  const siteResult = input.site.parseError
    ? { issues: [{ file: input.site.file, field: input.site.errorField ?? "(file)", message: input.site.parseError }] }
    : validateSite(input.site.file, input.site.data);
  const { authors, issues: authorIssues } = validateAuthors(input.authors, options);
  const logo = "site" in siteResult && siteResult.site?.logo ? missingImage(input.site.file, "logo", siteResult.site.logo, options) : undefined;
  // Problems of the site data, the authors, the folder and the unreadable items: the start of every result.
  const issues: ContentIssue[] = [...siteResult.issues, ...(logo ? [logo] : []), ...authorIssues, ...(input.folderIssues ?? [])];
  const contentDir = options.contentDir ?? "content";
  // Every author file counts as an id, even one with its own errors (reported above), so an item that names
  // it is not reported twice.
  const authorIds = input.authors.map((a) => slugFromFile(a.file)).sort();
  const knownFields = Object.keys(newsItemSchema.shape);
  const checkContext: ItemCheckContext = {
    authorIds,
    itemSlugs: input.news.map((n) => slugFromFile(n.file)).sort(),
    now: options.now,
    contentDir,
    fileExists: options.fileExists,
  };

  // Each readable item with its own problems; its body's are added by finish, after them.
  const pending: Array<CheckedItem & { own: ContentIssue[]; data?: NewsItemData }> = [];
  for (const source of [...input.news].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (source.parseError) {
      issues.push({ file: source.file, field: source.errorField ?? "(front matter)", message: source.parseError, ...source.errorAt });
      issues.push(...characterProblems(source.file, "(body)", source.body, source.bodyLine));
      continue;
    }
    const own: ContentIssue[] = [];
    const slug = checkSlug(source.file, "file name for an item", own);
    own.push(...textProblems(source));
    // Checks that do not need valid front matter run anyway, so one run reports everything.
    if (!source.body.trim()) {
      own.push({ file: source.file, field: "(body)", message: "is empty: write the item in Markdown under the closing --- line of the front matter", ...bodyStart(source) });
    }
    const parsed = parseItem(source);
    // Every field that is valid on its own is still checked against the rest of the content.
    const fields = parsed.success ? parsed.data : validFields(source.data);
    if (!parsed.success) own.push(...zodIssues(source.file, parsed.error, knownFields));
    own.push(...itemProblems(source.file, slug, fields, checkContext));
    pending.push({ source, slug, fields, own, ...(parsed.success ? { data: parsed.data } : {}) });
  }
  const siteUrl = "site" in siteResult ? siteResult.site?.url : undefined;
  const feedIds = feedIdProblems(input.news, siteUrl);
  // Every item's file name and well-formed aliases, whatever else is wrong with it, so one run reports everything.
  const aliases = aliasIssues(
    input.news.filter((source) => !source.parseError).map((source) => ({ file: source.file, slug: slugFromFile(source.file), aliases: wellFormedAliases(source.data) })),
  );
  const warnings = contentWarnings(
    pending.map(({ source, fields }) => ({ file: source.file, fields })),
    options.now,
  );

  return { finish };

  function finish(checkBody?: ModelOptions["checkBody"]): ModelResult {
    const found: ContentIssue[] = [...issues];
    const valid: Array<{ source: SourceFile; slug: string; data: NewsItemData }> = [];
    const checked: CheckedItem[] = [];
    for (const { source, slug, fields, own, data } of pending) {
      // Reported after the front matter's problems.
      const body = checkBody?.(source.file, source.body);
      found.push(...own, ...(body?.issues ?? []));
      checked.push({ source, slug, fields, references: body?.references });
      if (data && own.length === 0 && !body?.issues.length) valid.push({ source, slug, data });
    }
    if (checkBody) found.push(...bodyReferenceProblems(checked, input.images ?? [], options, siteUrl));
    found.push(...feedIds, ...aliases);

    if ("site" in siteResult && siteResult.site?.featured) {
      found.push(...featuredProblems(input.site.file, siteResult.site.featured, checkContext.itemSlugs, valid, options.now, contentDir));
    }

    if (found.length > 0 || !("site" in siteResult) || !siteResult.site) {
      // Group by file (site data, then authors, then items, each by name), keeping each file's own order.
      const authorFiles = new Set(input.authors.map((a) => a.file));
      const newsFiles = new Set(input.news.map((n) => n.file));
      const rank = (file: string) => (file === input.site.file ? 0 : authorFiles.has(file) ? 1 : newsFiles.has(file) ? 2 : 3);
      const sorted = found
        .map((issue, i) => ({ issue, i }))
        .sort((a, b) => rank(a.issue.file) - rank(b.issue.file) || (a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) || a.i - b.i)
        .map(({ issue }) => issue);
      return { issues: sorted, warnings };
    }

    // Labels come from published items: a draft's spelling must not show on the published site, nor in any
    // feed of a preview. A tag that only unpublished items use keeps their own spelling.
    const isPublished = (v: { data: NewsItemData }) => publicationState(v.data, options.now) === "published";
    const tagInfo = mergeTags(valid.filter(isPublished).flatMap((v) => v.data.tags));
    const listedInfo = mergeTags(valid.filter((v) => isVisible(publicationState(v.data, options.now), options.preview)).flatMap((v) => v.data.tags));
    const ownLabels = mergeTags(valid.flatMap((v) => v.data.tags));
    const labelOf = (slug: string) => (tagInfo.get(slug) ?? listedInfo.get(slug) ?? ownLabels.get(slug)!).label;
    const all: Article[] = valid.map(({ source, slug, data }) => {
      const tagSlugs = [...new Set(data.tags.map(tagSlug))];
      const state = publicationState(data, options.now);
      // An item is a function of its file, its topics' labels (which other items may spell) and its state.
      const labels = JSON.stringify(tagSlugs.map(labelOf));
      const made = options.articles?.get(source);
      if (made && made.labels === labels && made.state === state) return made.article;
      const changes = noteworthyChanges(data.changes ?? []);
      const updated = changes[0]?.date;
      const article: Article = {
        slug,
        file: source.file,
        url: `/news/${slug}/`,
        title: data.title,
        description: data.description,
        type: data.type,
        date: isoDateTime(data.date),
        dateMs: toMillis(data.date),
        updated,
        changes,
        ...(data.withdrawn ? { withdrawn: { date: isoDateTime(data.withdrawn.date), reason: data.withdrawn.reason } } : {}),
        authorIds: data.authors,
        tags: tagSlugs.map((s) => ({ slug: s, label: labelOf(s) })),
        image: data.image,
        id: data.id,
        ...(data.related ? { related: data.related } : {}),
        ...(data.relatedExclude ? { relatedExclude: data.relatedExclude } : {}),
        ...(data.aliases?.length ? { aliases: data.aliases } : {}),
        state,
        body: source.body,
      };
      options.articles?.set(source, { labels, state, article });
      return article;
    });
    all.sort(compareNewestFirst);
    const publishedSet = itemSet(
      all.filter((a) => a.state === "published"),
      authors,
      labelOf,
    );
    const listed = options.preview
      ? itemSet(
          all.filter((a) => isVisible(a.state, true)),
          authors,
          labelOf,
        )
      : publishedSet;
    const kept = all.filter((a) => a.state === "withdrawn");

    return {
      model: {
        site: siteResult.site,
        all,
        published: publishedSet.articles,
        bySlug: new Map(all.map((a) => [a.slug, a])),
        authors,
        tags: publishedSet.tags,
        authorArticles: publishedSet.authorArticles,
        listed,
        kept,
        pages: [...listed.articles, ...kept],
        featured: (siteResult.site.featured ?? []).map((slug) => publishedSet.articles.find((article) => article.slug === slug)!),
        images: [...(input.images ?? [])].sort(),
      },
      issues: [],
      warnings,
    };
  }
}

/**
 * What is wrong with site.json's `featured` list: each entry must name an item (a valid one: an item with errors
 * of its own is reported on its file), once, and only a published item may be featured: a draft, an embargoed
 * or a withdrawn item on the home page would publish it, or bring it back.
 */
export function featuredProblems(
  file: string,
  featured: readonly string[],
  newsSlugs: readonly string[],
  valid: ReadonlyArray<{ slug: string; data: Pick<NewsItemData, "draft" | "withdrawn" | "date"> }>,
  now: number,
  contentDir: string,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  featured.forEach((slug, i) => {
    const field = `featured[${i}]`;
    if (seen.has(slug)) {
      issues.push({ file, field, message: `"${slug}" is listed twice: remove the repeat` });
      return;
    }
    seen.add(slug);
    if (!newsSlugs.includes(slug)) {
      const near = suggest(slug, newsSlugs);
      issues.push({ file, field, message: `unknown item "${slug}": ${near ? `did you mean "${near}"?` : `use the file name of an item in ${contentDir}/news/ without .md`}` });
      return;
    }
    const item = valid.find((v) => v.slug === slug);
    if (!item) return;
    const state = publicationState(item.data, now);
    if (state === "draft") issues.push({ file, field, message: `"${slug}" is a draft: only a published item can be featured. Remove it from featured until it is published` });
    if (state === "scheduled") {
      issues.push({ file, field, message: `"${slug}" is embargoed until ${item.data.date}: only a published item can be featured. Add it to featured after that time` });
    }
    if (state === "withdrawn") issues.push({ file, field, message: `"${slug}" was withdrawn: remove it from featured` });
  });
  return issues;
}

/**
 * The changes readers see, newest first (then in the order written): those with a note. A change without one is
 * a minor edit (a typo, a broken link), as on GOV.UK: not shown, and the last-updated date stays where it was.
 */
export function noteworthyChanges(changes: ReadonlyArray<{ date: string; note?: string | undefined }>): Array<{ date: string; note: string }> {
  return changes
    .flatMap((c) => (c.note === undefined ? [] : [{ date: isoDateTime(c.date), note: c.note }]))
    .map((c, i) => ({ c, i, ms: toMillis(c.date) }))
    .sort((a, b) => b.ms - a.ms || a.i - b.i)
    .map(({ c }) => c);
}

/** An item whose front matter could be read, with its fields that are valid and what its body links to. */
interface CheckedItem {
  source: SourceFile;
  slug: string;
  fields: CheckedFields;
  references?: BodyReferences | undefined;
}

/** The state an item will have, from what its valid fields say (an unreadable date counts as published). */
function plannedState(fields: CheckedFields, now: number): { state: PublicationState; dateMs: number } {
  const dateMs = fields.date === undefined ? -Infinity : toMillis(fields.date);
  return { state: publicationState({ draft: fields.draft ?? false, withdrawn: fields.withdrawn, date: fields.date ?? "1970-01-01T00:00:00Z" }, now), dateMs };
}

/** Broken links and images in every checked body (body-links.ts). */
function bodyReferenceProblems(checked: readonly CheckedItem[], images: readonly string[], options: ModelOptions, origin: string | undefined): ContentIssue[] {
  const planned = checked.map(({ slug, fields }) => ({
    slug,
    ...plannedState(fields, options.now),
    tags: fields.tags ?? [],
    authorIds: fields.authors ?? [],
    type: fields.type,
    aliases: fields.aliases ?? [],
  }));
  const plan = planLinks(planned, images, origin);
  return checked.flatMap(({ source, slug, references }, i) =>
    references ? referenceProblems({ ...source, slug, goLive: goLive(planned[i]!) }, references, plan, options.contentDir) : [],
  );
}

/** `articles` (newest first) grouped by tag and by author. */
function itemSet(articles: Article[], authors: ReadonlyMap<string, Author>, labelOf: (slug: string) => string): ItemSet {
  const tagArticles = new Map<string, Article[]>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const list = tagArticles.get(tag.slug);
      if (list) list.push(article);
      else tagArticles.set(tag.slug, [article]);
    }
  }
  const tags = [...tagArticles.entries()]
    .map(([slug, tagged]) => ({ slug, label: labelOf(slug), articles: tagged }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB") || (a.slug < b.slug ? -1 : 1));
  const authorArticles = new Map<string, Article[]>([...authors.keys()].map((id) => [id, []]));
  for (const article of articles) for (const id of article.authorIds) authorArticles.get(id)?.push(article);
  return { articles, tags, authorArticles };
}
