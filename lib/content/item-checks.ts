/**
 * An item's checks that look beyond its own fields: authors, related items, images, change and withdrawal dates.
 * Each runs on the fields it needs whenever those fields are valid, even when the item has other errors, so one
 * run of `npm run check` reports everything (an unknown author used to show only once the alt text was fixed).
 * Pure: the file system is reached only through the injected `fileExists`.
 */
import { imageSchema, newsItemSchema, type NewsItemData } from "./schema.ts";
import { toMillis } from "./dates.ts";
import { tagSlug } from "./tags.ts";
import { suggest } from "./suggest.ts";
import type { ContentIssue } from "./issues.ts";

/** What the checks know about the rest of the content. */
export interface ItemCheckContext {
  /** Every author file's id, sorted, including files with their own errors (so an item naming one is not reported twice). */
  authorIds: readonly string[];
  /** Every item's file name without .md, sorted, whatever its state or errors. */
  itemSlugs: readonly string[];
  /** Epoch ms that decides what is scheduled. */
  now: number;
  /** The content folder as editors know it, for messages ("content"). */
  contentDir: string;
  /** Whether a site path (`/images/x.png`) names a file; absent when checks run without a file system. */
  fileExists?: ((sitePath: string) => boolean) | undefined;
}

/**
 * The fields of an invalid item's front matter that are valid on their own, each parsed by its own schema (an
 * invalid field is left out: the item's schema reports it).
 */
export function validFields(data: Record<string, unknown>): CheckedFields {
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(newsItemSchema.shape)) {
    const field = schema.safeParse(data[key]);
    if (field.success && field.data !== undefined) fields[key] = field.data;
  }
  // An image without alt text may still name a file that does not exist.
  if (!fields.image && typeof data.image === "object" && data.image !== null) {
    const src = imageSchema.shape.src.safeParse((data.image as Record<string, unknown>).src);
    if (src.success) fields.image = { src: src.data };
  }
  return fields as CheckedFields;
}

/** The fields the checks read: any of an item's, and of its image at least the path. */
export type CheckedFields = Partial<Omit<NewsItemData, "image">> & { image?: Pick<NonNullable<NewsItemData["image"]>, "src"> };

/**
 * A local image path (already a plain /images/… path, schema.ts) that names no file: the problem, else
 * undefined. https URLs and checks without a file system pass.
 */
export function missingImage(
  file: string,
  field: string,
  src: string,
  options: { fileExists?: ((sitePath: string) => boolean) | undefined; contentDir?: string | undefined },
): ContentIssue | undefined {
  if (!src.startsWith("/") || !options.fileExists || options.fileExists(src)) return undefined;
  return { file, field, message: `"${src}" does not exist: put the image in ${options.contentDir ?? "content"}${src} or fix the path` };
}

/** Every problem of the item's valid fields with the rest of the content. */
export function itemProblems(file: string, slug: string, fields: CheckedFields, context: ItemCheckContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { authorIds, contentDir } = context;
  fields.authors?.forEach((id, i) => {
    if (authorIds.includes(id)) return;
    const near = suggest(id, authorIds);
    issues.push({
      file,
      field: `authors[${i}]`,
      message: `unknown author id "${id}": ${
        near
          ? `did you mean "${near}"?`
          : authorIds.length
            ? `add ${contentDir}/authors/${id}.md or use one of: ${authorIds.join(", ")}`
            : `add ${contentDir}/authors/${id}.md (there are no author files yet)`
      }`,
    });
  });
  const seen = new Set<string>();
  fields.authors?.forEach((id, i) => {
    if (seen.has(id)) issues.push({ file, field: `authors[${i}]`, message: `"${id}" is listed twice: remove the repeat` });
    seen.add(id);
  });
  fields.tags?.forEach((tag, i) => {
    if (!tagSlug(tag)) issues.push({ file, field: `tags[${i}]`, message: `"${tag}" cannot be made into a web address: write the tag with Latin letters or digits` });
  });
  if (fields.date !== undefined) {
    const published = toMillis(fields.date);
    fields.changes?.forEach((change, i) => {
      if (toMillis(change.date) < published) {
        issues.push({ file, field: `changes[${i}].date`, message: `is before the publication date ${fields.date}: a change must come after publication` });
      }
    });
    issues.push(...withdrawnProblems(file, { withdrawn: fields.withdrawn, draft: fields.draft ?? false, date: fields.date }, context.now));
  }
  const image = fields.image && missingImage(file, "image.src", fields.image.src, context);
  if (image) issues.push(image);
  // Curated related links must name items that exist (a draft is fine: it shows once published).
  for (const field of ["related", "relatedExclude"] as const) {
    (fields[field] ?? []).forEach((target, i) => {
      if (target === slug) {
        issues.push({ file, field: `${field}[${i}]`, message: `"${target}" is this item itself: remove it` });
      } else if (!context.itemSlugs.includes(target)) {
        const near = suggest(target, context.itemSlugs);
        issues.push({
          file,
          field: `${field}[${i}]`,
          message: `unknown item "${target}": ${near ? `did you mean "${near}"?` : `use the file name of an item in ${contentDir}/news/ without .md`}`,
        });
      }
    });
  }
  return issues;
}

/**
 * What is wrong with an item's withdrawal: only a published item can be withdrawn (a draft or an embargoed item
 * was never public, and a withdrawn notice would publish it), and not before it was published.
 */
export function withdrawnProblems(file: string, data: Pick<NewsItemData, "withdrawn" | "draft" | "date">, now: number): ContentIssue[] {
  if (!data.withdrawn) return [];
  const issues: ContentIssue[] = [];
  if (data.draft) {
    issues.push({ file, field: "withdrawn", message: "is set on a draft, which was never published: remove withdrawn, or delete the file to drop the draft" });
  } else if (toMillis(data.date) > now) {
    issues.push({
      file,
      field: "withdrawn",
      message: `is set on an item embargoed until ${data.date}, which was never published: set draft: true or delete the file instead`,
    });
  }
  if (toMillis(data.withdrawn.date) < toMillis(data.date)) {
    issues.push({ file, field: "withdrawn.date", message: `is before the publication date ${data.date}: an item is withdrawn after it was published` });
  }
  return issues;
}
