/**
 * What the content folder holds. It may hold only what the content model names: `site.json`, items in
 * `news/*.md`, authors in `authors/*.md`, and image files under `images/` (in sub-folders too). Anything else is a
 * content error naming the file and the fix, because anything else is either silently ignored (an item saved as
 * `x.MD` or in `news/2026/`) or, in a folder a site generator reads, a way to run code or publish script (a
 * `.njk` template, a `.11tydata.js` file, an `.html` or `.js` file in images/). Symbolic links are refused
 * anywhere: one could copy a file from outside the folder (/etc/passwd) into the site. Image files must be the
 * image type their extension names (image-files.ts).
 *
 * `.gitkeep` files (which keep an empty folder in git) are ignored; every other hidden file is an error, since a
 * reviewer does not see it in a pull request's file list as easily and the site never needs one.
 *
 * Every entry is checked whatever else is wrong, so one run reports everything. Directory entries are read with
 * their types (no symbolic link is followed) and only regular files are opened.
 */
import fs from "node:fs";
import path from "node:path";
import type { ContentIssue } from "./issues.ts";
import { IMAGE_TYPES, isImageExtension, MAGIC_BYTES, rasterProblem, svgProblem } from "./image-files.ts";
import { MAX_IMAGE_BYTES, sizeOverLimit } from "./schema.ts";
import { decodeUtf8 } from "./load.ts";

export interface Inventory {
  /** Absolute paths of the item and author files to read (regular `.md` files directly in their folder), sorted. */
  news: string[];
  authors: string[];
  /** Image files that are what their names say, as site paths (`/images/authors/x.png`), sorted. */
  images: string[];
  issues: ContentIssue[];
}

const IGNORED = new Set([".gitkeep"]);
/** A file or folder name that is safe in a web address and in HTML as it is. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const IMAGE_LIST = [...new Set(Object.keys(IMAGE_TYPES).map((e) => `.${e}`))].join(" ");

/** Reads a folder's entries with their types, in name order; an issue instead when it cannot be read. */
function entries(dir: string): fs.Dirent[] | string {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    return `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}

export function takeInventory(paths: { root: string; content: string }): Inventory {
  const inventory: Inventory = { news: [], authors: [], images: [], issues: [] };
  const name = (absolute: string) => path.relative(paths.root, absolute).split(path.sep).join("/");
  const contentName = name(paths.content) || ".";
  const problem = (absolute: string, message: string) => inventory.issues.push({ file: name(absolute), field: "(file)", message });

  /** Problems every entry can have wherever it is; true when the entry must not be looked at further. */
  const refused = (absolute: string, entry: fs.Dirent): boolean => {
    if (entry.isSymbolicLink()) {
      problem(
        absolute,
        "is a symbolic link, which the content folder must not hold (it could copy a file from elsewhere into the site): replace it with the file itself, or delete it",
      );
      return true;
    }
    if (!entry.isFile() && !entry.isDirectory()) {
      problem(absolute, "is not a file or a folder (a device, pipe or socket): delete it");
      return true;
    }
    if (entry.name.startsWith(".")) {
      problem(absolute, `is a hidden ${entry.isDirectory() ? "folder" : "file"}, which the content folder must not hold: delete it (only .gitkeep files are allowed)`);
      return true;
    }
    return false;
  };

  /** Every file under a folder that must not have one, each reported with the same message. */
  const reportAll = (dir: string, message: (file: string) => string) => {
    const list = entries(dir);
    if (typeof list === "string") return problem(dir, list);
    for (const entry of list) {
      const absolute = path.join(dir, entry.name);
      if (IGNORED.has(entry.name) && entry.isFile()) continue;
      if (refused(absolute, entry)) continue;
      if (entry.isDirectory()) reportAll(absolute, message);
      else problem(absolute, message(absolute));
    }
  };

  /** news/ or authors/: Markdown files ending in .md, directly in the folder. */
  const markdownFolder = (dir: string, into: string[], what: "item" | "author") => {
    const list = entries(dir);
    if (typeof list === "string") return problem(dir, list);
    const folder = name(dir);
    for (const entry of list) {
      const absolute = path.join(dir, entry.name);
      if (IGNORED.has(entry.name) && entry.isFile()) continue;
      if (refused(absolute, entry)) continue;
      if (entry.isDirectory()) {
        reportAll(
          absolute,
          () => `is in a sub-folder of ${folder}/, where it is never read: move it to ${folder}/ itself (the file name is the address) and delete the sub-folder`,
        );
        continue;
      }
      const extension = path.extname(entry.name);
      if (extension === ".md") into.push(absolute);
      else if (/^\.(md|markdown|mdown|mkdn?|mdwn|mkd)$/i.test(extension)) {
        problem(absolute, `is never read: only files ending in .md (lower case) are, so rename it to ${path.basename(entry.name, extension)}.md`);
      } else {
        problem(
          absolute,
          `is not an ${what} file: ${folder}/ may hold only Markdown files ending in .md${what === "item" ? ` (images go in ${contentName}/images/)` : ""}; delete it or move it`,
        );
      }
    }
  };

  const image = (absolute: string, entry: fs.Dirent) => {
    const extension = path.extname(entry.name).slice(1);
    if (!isImageExtension(extension)) {
      const lower = extension.toLowerCase();
      problem(
        absolute,
        isImageExtension(lower)
          ? `has an upper-case extension: rename it to ${path.basename(entry.name, `.${extension}`)}.${lower} (and change the paths that use it)`
          : `is not an image: ${contentName}/images/ may hold only images (${IMAGE_LIST}); delete it`,
      );
      return;
    }
    let bytes: Uint8Array;
    try {
      const size = fs.lstatSync(absolute).size;
      if (size > MAX_IMAGE_BYTES) {
        problem(absolute, `${sizeOverLimit(size, MAX_IMAGE_BYTES)} for an image: make it smaller (a lead image needs about 1,200 pixels across)`);
        return;
      }
      bytes = readStart(absolute, extension === "svg" ? size : MAGIC_BYTES);
    } catch (error) {
      problem(absolute, `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): check the file`);
      return;
    }
    let message: string | undefined;
    if (extension === "svg") {
      const decoded = decodeUtf8(bytes);
      message = "problem" in decoded ? decoded.problem : svgProblem(decoded.text);
    } else {
      message = rasterProblem(extension, bytes);
    }
    if (message) problem(absolute, message);
    else inventory.images.push(`/${path.relative(paths.content, absolute).split(path.sep).join("/")}`);
  };

  const imageFolder = (dir: string) => {
    const list = entries(dir);
    if (typeof list === "string") return problem(dir, list);
    for (const entry of list) {
      const absolute = path.join(dir, entry.name);
      if (IGNORED.has(entry.name) && entry.isFile()) continue;
      if (refused(absolute, entry)) continue;
      if (!SAFE_NAME.test(entry.name)) {
        problem(absolute, `has a name that does not work in a web address: rename it using only letters, digits, hyphens (-), underscores (_) and dots`);
        continue;
      }
      if (entry.isDirectory()) imageFolder(absolute);
      else image(absolute, entry);
    }
  };

  const top = entries(paths.content);
  if (typeof top === "string") {
    problem(paths.content, `${top}: check that the content folder exists`);
    return inventory;
  }
  const KNOWN = `${contentName}/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images)`;
  for (const entry of top) {
    const absolute = path.join(paths.content, entry.name);
    if (entry.name === "site.json") continue; // read (and checked to be a plain file) by loadContent
    if (IGNORED.has(entry.name) && entry.isFile()) continue;
    if (refused(absolute, entry)) continue;
    const folder = { news: "news", authors: "authors", images: "images" }[entry.name];
    if (folder && entry.isDirectory()) {
      if (folder === "news") markdownFolder(absolute, inventory.news, "item");
      else if (folder === "authors") markdownFolder(absolute, inventory.authors, "author");
      else imageFolder(absolute);
    } else if (folder) {
      problem(absolute, `should be a folder: ${KNOWN}`);
    } else if (entry.isDirectory()) {
      reportAll(
        absolute,
        () => `is not part of the content: ${KNOWN}; delete it or move it out of ${contentName}/ (templates and code are reviewed as code, outside the content folder)`,
      );
    } else {
      problem(absolute, `is not part of the content: ${KNOWN}; delete it or move it out of ${contentName}/`);
    }
  }
  return inventory;
}

/** The first `length` bytes of a regular file (never following a link). */
function readStart(absolute: string, length: number): Uint8Array {
  const fd = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw Object.assign(new Error("not a regular file"), { code: "not a regular file" });
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(fd, buffer, read, length - read, null);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
