/**
 * Page weight: the bytes a browser transfers to show one page of a built site, by kind (HTML, CSS, JS, fonts,
 * images), for the budget in tests/build/page-weight.test.ts (figures in docs/performance.md).
 *
 * What counts, read from the files as a browser reads them:
 * - the page's HTML;
 * - stylesheets (`<link rel=stylesheet>`, and their `@import`s), scripts (`<script src>`, `<link rel=modulepreload>`,
 *   and the static `import`s of module scripts), `<link rel=preload>` by its `as`;
 * - fonts: the first `url()` of each `@font-face` in those stylesheets (a browser takes the first format it
 *   supports, and the first listed is the best one);
 * - images: each `<img>`, and the icons the page links (`rel=icon`, `apple-touch-icon`: an overestimate, as a
 *   browser fetches one icon, and only iOS the touch icon). A `<picture>` counts the first `<source>` whose type a
 *   current browser supports (AVIF before WebP before the fallback) instead of its `<img>`. From a `srcset`, the
 *   largest candidate: the lead image's slot is 630 CSS pixels wide on a desktop and about 360 on a phone, so a 2x
 *   desktop or a 3x phone takes the largest; this is the weight on such a screen, the worst case. Images a
 *   stylesheet names count only when the rule's selector names no class or a class the page uses (GOV.UK
 *   Frontend's CSS names images for components a page may not have).
 *
 * Transferred bytes: text (HTML, CSS, JS, SVG, JSON) gzipped at level 6, zlib's and Netlify's default; formats that
 * are compressed already (AVIF, WebP, JPEG, PNG, WOFF2, ICO) as they are, as Netlify serves them.
 *
 * Pure apart from `read`, which the caller gives: no file system here.
 *   node scripts/page-weight.ts [site folder] [page path …]    prints the resources and the sums
 */
import path from "node:path";
import zlib from "node:zlib";
import { Parser } from "htmlparser2";

export const RESOURCE_KINDS = ["html", "css", "js", "fonts", "images"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A resource a page needs, by its path on the site ("/assets/x.css"). */
export interface ResourceRef {
  kind: ResourceKind;
  url: string;
}

export interface MeasuredResource extends ResourceRef {
  bytes: number;
  /** Bytes on the wire: gzipped for text, as is for compressed formats. */
  transferred: number;
}

export interface PageWeight {
  page: string;
  resources: MeasuredResource[];
  /** Transferred bytes by kind, and their total. */
  bytes: Record<ResourceKind | "total", number>;
  /** Resources counted by kind. */
  counts: Record<ResourceKind, number>;
}

/** Image types a current browser supports, in the order `<picture>` offers them. */
const SUPPORTED_IMAGE_TYPES = new Set(["image/avif", "image/webp", "image/jpeg", "image/png", "image/gif", "image/svg+xml"]);

/** Extensions whose files Netlify compresses (and we gzip); everything else is counted as it is. */
const TEXT_EXTENSIONS = new Set([".html", ".css", ".js", ".mjs", ".svg", ".json", ".webmanifest", ".xml", ".txt"]);

const PRELOAD_KINDS: Record<string, ResourceKind> = { style: "css", script: "js", font: "fonts", image: "images" };

/**
 * Resolves a reference in a file at `base` (a site path) to a site path, without query or fragment; undefined for
 * a data: URL or one on another origin (not part of this site's weight).
 */
export function resolveReference(reference: string, base: string): string | undefined {
  const trimmed = reference.trim();
  if (trimmed === "" || /^data:/i.test(trimmed)) return undefined;
  const site = "https://site.invalid";
  const url = new URL(trimmed, site + base);
  if (url.origin !== site) return undefined;
  return decodeURIComponent(url.pathname);
}

/** The candidate of a `srcset` with the largest width (or density) descriptor; the first when none has one. */
export function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.split(",")) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = descriptor ? Number.parseFloat(descriptor) : 1;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url;
}

/** The classes a page's elements carry: for the stylesheet images whose rules apply to the page. */
export interface HtmlScan {
  resources: ResourceRef[];
  classes: Set<string>;
}

/** The resources an HTML page at site path `page` names (see the header for which), and the classes it uses. */
export function htmlResources(html: string, page: string): HtmlScan {
  const resources: ResourceRef[] = [];
  const classes = new Set<string>();
  const add = (kind: ResourceKind, reference: string | undefined) => {
    const url = reference === undefined ? undefined : resolveReference(reference, page);
    if (url !== undefined) resources.push({ kind, url });
  };
  // Inside a <picture>: whether a <source> has been chosen, so later sources and the <img> are not loaded.
  let picture: { chosen: boolean } | undefined;
  const parser = new Parser(
    {
      onopentag(name, a) {
        for (const c of (a.class ?? "").split(/\s+/)) if (c) classes.add(c);
        const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
        if (name === "link" && a.href !== undefined) {
          if (rel.includes("stylesheet")) add("css", a.href);
          else if (rel.includes("modulepreload")) add("js", a.href);
          else if (rel.includes("preload") && PRELOAD_KINDS[a.as ?? ""]) add(PRELOAD_KINDS[a.as!]!, a.href);
          else if (rel.includes("icon") || rel.includes("apple-touch-icon")) add("images", a.href);
        } else if (name === "script" && a.src !== undefined) add("js", a.src);
        else if (name === "picture") picture = { chosen: false };
        else if (name === "source" && picture && !picture.chosen && a.srcset !== undefined) {
          if (a.type === undefined || SUPPORTED_IMAGE_TYPES.has(a.type.toLowerCase())) {
            picture.chosen = true;
            add("images", largestCandidate(a.srcset));
          }
        } else if (name === "img" && !picture?.chosen) add("images", a.srcset ? largestCandidate(a.srcset) : a.src);
      },
      onclosetag(name) {
        if (name === "picture") picture = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { resources, classes };
}

/** The resources a stylesheet at site path `base` names: its @imports, fonts, and images for rules the page uses. */
export function cssResources(css: string, base: string, pageClasses: ReadonlySet<string>): ResourceRef[] {
  const resources: ResourceRef[] = [];
  const add = (kind: ResourceKind, reference: string) => {
    const url = resolveReference(reference, base);
    if (url !== undefined) resources.push({ kind, url });
  };
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of text.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)) add("css", m[2]!);
  const fontFaces = [...text.matchAll(/@font-face\s*\{([^}]*)\}/g)];
  for (const face of fontFaces) {
    const first = /url\(\s*(["']?)([^"')]+)\1\s*\)/.exec(face[1]!);
    if (first) add("fonts", first[2]!);
  }
  // Other url()s: the selector of the rule each sits in, from the last "}", "{" or ";" before the rule's "{".
  const outside = text.replace(/@font-face\s*\{[^}]*\}/g, (m) => " ".repeat(m.length));
  for (const m of outside.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
    if (outside.slice(Math.max(0, m.index - 10), m.index).includes("@import")) continue;
    const open = outside.lastIndexOf("{", m.index);
    const start = Math.max(outside.lastIndexOf("}", open), outside.lastIndexOf("{", open - 1), outside.lastIndexOf(";", open)) + 1;
    const selector = outside.slice(start, open);
    const named = [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((c) => c[1]!);
    if (named.length === 0 || named.some((c) => pageClasses.has(c))) add("images", m[2]!);
  }
  return resources;
}

/** The modules a module script at site path `base` imports statically (`import … from "x"`, `import "x"`). */
export function jsResources(js: string, base: string): ResourceRef[] {
  const resources: ResourceRef[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?(["'])([^"'\n]+)\1/g)) {
    const url = resolveReference(m[2]!, base);
    if (url !== undefined) resources.push({ kind: "js", url });
  }
  return resources;
}

/** Bytes on the wire for a file at `url`: gzip level 6 for text, as is otherwise. */
export function transferredBytes(url: string, body: Uint8Array): number {
  return TEXT_EXTENSIONS.has(path.posix.extname(url).toLowerCase()) ? zlib.gzipSync(body, { level: 6 }).length : body.length;
}

/**
 * Everything page `page` (a site path, "/news/x/") needs, measured. `read` gives a site path's bytes, or
 * undefined when the site has no such file, which is an error: the page names something that is not published.
 */
export function measurePage(page: string, read: (url: string) => Uint8Array | undefined): PageWeight {
  const file = (url: string) => {
    const body = read(url.endsWith("/") ? `${url}index.html` : url);
    if (body === undefined) throw new Error(`${page} needs ${url}, which the site does not have`);
    return body;
  };
  const html = file(page);
  const scan = htmlResources(Buffer.from(html).toString("utf8"), page);
  const resources: MeasuredResource[] = [{ kind: "html", url: page, bytes: html.length, transferred: transferredBytes("page.html", html) }];
  const seen = new Set([page]);
  const queue = [...scan.resources];
  while (queue.length > 0) {
    const ref = queue.shift()!;
    if (seen.has(ref.url)) continue;
    seen.add(ref.url);
    const body = file(ref.url);
    resources.push({ ...ref, bytes: body.length, transferred: transferredBytes(ref.url, body) });
    if (ref.kind === "css") queue.push(...cssResources(Buffer.from(body).toString("utf8"), ref.url, scan.classes));
    else if (ref.kind === "js") queue.push(...jsResources(Buffer.from(body).toString("utf8"), ref.url));
  }
  const bytes = { html: 0, css: 0, js: 0, fonts: 0, images: 0, total: 0 };
  const counts = { html: 0, css: 0, js: 0, fonts: 0, images: 0 };
  for (const r of resources) {
    bytes[r.kind] += r.transferred;
    bytes.total += r.transferred;
    counts[r.kind] += 1;
  }
  return { page, resources, bytes, counts };
}

export type WeightLimits = Record<ResourceKind | "total", number>;

/**
 * One line per kind (and the total) over its limit, saying by how much and how far it has grown since the limit
 * was set from `measured`; empty when all are within their limits.
 */
export function budgetProblems(weight: PageWeight, limits: WeightLimits, measured: WeightLimits): string[] {
  const format = (n: number) => n.toLocaleString("en-GB");
  return ([...RESOURCE_KINDS, "total"] as const)
    .filter((kind) => weight.bytes[kind] > limits[kind])
    .map(
      (kind) =>
        `${weight.page}: ${kind} is ${format(weight.bytes[kind])} bytes gzipped, ${format(weight.bytes[kind] - limits[kind])} over its limit of ${format(limits[kind])} ` +
        `(${format(measured[kind])} when the limit was set: ${weight.bytes[kind] >= measured[kind] ? "+" : ""}${format(weight.bytes[kind] - measured[kind])})`,
    );
}

/** The resources and sums as a table, for the console and the docs. */
export function formatPageWeight(weight: PageWeight): string {
  const rows = weight.resources.map((r) => `  ${r.kind.padEnd(6)} ${String(r.transferred).padStart(8)} ${String(r.bytes).padStart(8)}  ${r.url}`);
  const sums = [...RESOURCE_KINDS, "total" as const].map((k) => `${k} ${weight.bytes[k]}`).join(", ");
  return [`${weight.page}`, `  kind   gzipped      raw  path`, ...rows, `  sums (gzipped bytes): ${sums}`].join("\n");
}

if (import.meta.main) {
  const fs = await import("node:fs");
  const [site = "_site", ...pages] = process.argv.slice(2);
  const root = path.resolve(site);
  const read = (url: string) => {
    const target = path.join(root, url);
    return target.startsWith(root) && fs.existsSync(target) && fs.statSync(target).isFile() ? fs.readFileSync(target) : undefined;
  };
  for (const page of pages.length > 0 ? pages : ["/"]) console.log(formatPageWeight(measurePage(page, read)));
}
