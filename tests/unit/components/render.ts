// Renders a component's macro as the build does, for the component tests (the govuk-frontend pattern: render the
// macro with params, then look at the HTML). Pure: no Eleventy, no content folder. Run from the project root, as
// npm run test:unit does (the search paths are relative, as in the build).
import path from "node:path";
import nunjucks from "nunjucks";
import { DomUtils, parseDocument } from "htmlparser2";
// The GOV.UK plugin's own environment factory (not in its package exports): the same search paths (_includes,
// then the plugin's and GOV.UK Frontend's components) and whitespace options (trimBlocks, lstripBlocks) as the build.
import { nunjucksConfig } from "../../../node_modules/@x-govuk/govuk-eleventy-plugin/src/nunjucks.js";
import { PAGES_DIR } from "../../../lib/eleventy/options.ts";
import { resolveOptions } from "../../../lib/eleventy/options.ts";
import { toMillis } from "../../../lib/content/dates.ts";
import type { ListPage } from "../../../lib/content/paginate.ts";
import type { BuildState, PluginContext } from "../../../lib/eleventy/build-state.ts";
import type { Library } from "../../../lib/eleventy/libraries.ts";
import { articleFilters, dateFilters, listFilters, peopleFilters, registerFilters, sharingFilters } from "../../../lib/eleventy/filters/index.ts";
import type { Article, Author } from "../../../lib/content/model.ts";
import type { SiteData } from "../../../lib/content/schema.ts";

export const SITE: SiteData = {
  title: "Gov Tech News",
  description: "News, analysis and opinion on technology in UK government and the public sector.",
  url: "https://govtech-news.example.gov.uk",
  language: "en-GB",
  organisation: { name: "Gov Tech News", url: "https://govtech-news.example.gov.uk" },
  copyright: "© Gov Tech News",
  licence: { name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" },
  perPage: 20,
  feedSize: 20,
  govukBranding: false,
};

function author(id: string, name: string, role: string, organisation: string, extra: Partial<Author> = {}): [string, Author] {
  return [id, { id, name, role, organisation, file: `content/authors/${id}.md`, bio: `${name} writes about digital government.`, ...extra }];
}

/** The authors the govnewsByline filter knows: bylines in the tests name these ids. */
export const AUTHORS = new Map<string, Author>([
  author("eleanor-achebe", "Eleanor Achebe", "Public sector editor", "Gov Tech News", {
    pronouns: "she/her",
    photo: { src: "/images/eleanor-achebe.jpg", alt: "Eleanor Achebe" },
    links: { website: "https://eleanor.example.com", linkedin: "https://www.linkedin.com/in/eleanor-achebe" },
    roles: [
      { role: "Service owner", organisation: "Cabinet Office", from: "2019-04-01", to: "2024-03-31" },
      { role: "Public sector editor", organisation: "Gov Tech News", from: "2024-04-01" },
    ],
  }),
  author("gareth-pryce", "Gareth Pryce", "Reporter", "Gov Tech News"),
  author("nadia-qureshi", "Nadia Qureshi", "Data correspondent", "Gov Tech News"),
  author("hostile", `<script>alert("name")</script>`, `Editor & "writer"`, `<b>Org</b>`),
]);

/** A published item as the model holds it; `overrides` set the fields a case is about. */
export function article(overrides: Partial<Article> = {}): Article {
  const slug = overrides.slug ?? "gds-publishes-new-service-standard";
  const date = overrides.date ?? "2026-08-17T09:30:00+01:00";
  return {
    slug,
    file: `content/news/${slug}.md`,
    url: `/news/${slug}/`,
    title: "GDS publishes a new Service Standard",
    description: "The standard now asks teams to plan for retiring a service.",
    type: "news",
    date,
    dateMs: toMillis(date),
    changes: [],
    authorIds: ["eleanor-achebe"],
    tags: [{ slug: "service-design", label: "Service design" }],
    state: "published",
    body: "The body.",
    ...overrides,
  };
}

/** A page of a list, as lib/content/paginate.ts makes them for the home, topic, type and author pages. */
export function listPage(items: Article[], number: number, total: number, base: string): ListPage<Article> {
  const href = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return { number, total, items, href: href(number), previous: number > 1 ? href(number - 1) : undefined, next: number < total ? href(number + 1) : undefined };
}

let environment: nunjucks.Environment | undefined;

/**
 * The Nunjucks environment as the build configures it: the GOV.UK plugin's factory with Eleventy's folders
 * (.eleventy.ts), and the plugin's own filter groups (lib/eleventy/filters/), registered as the plugin registers
 * them (autoescape on, markup filters marked safe), over a build state holding this file's site and authors.
 */
export function componentEnvironment(): nunjucks.Environment {
  if (environment) return environment;
  const env = nunjucksConfig({ dir: { input: PAGES_DIR, includes: path.relative(PAGES_DIR, "_includes") } }) as nunjucks.Environment;
  // Only what the components' filters read: the site, the authors and the per-build caches.
  const state = {
    model: { site: SITE, authors: AUTHORS },
    caches: { bylines: new WeakMap(), bios: new Map(), summaries: new Map(), chrome: new Map() },
  } as unknown as BuildState;
  const context: PluginContext = {
    options: resolveOptions({}, {}),
    stylesheet: { source: "", loadPaths: [] },
    build: () => state,
    pagesOfRun: (_family, pages) => pages,
    library: ((name: string) => {
      if (name !== "njk") throw new Error("the component tests render Nunjucks only");
      return env;
    }) as Library,
  };
  registerFilters(env, [dateFilters(), articleFilters(context), peopleFilters(context), listFilters(context), sharingFilters(context)]);
  return (environment = env);
}

/** "article-summary" → "appArticleSummary", the macro each component's macro.njk exports. */
export function macroName(component: string): string {
  return "app" + component.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** The HTML a component's macro renders for `params`, as a template calling it would print it. */
export function renderComponent(component: string, params: object): string {
  const name = macroName(component);
  return componentEnvironment().renderString(`{% from "components/${component}/macro.njk" import ${name} %}{{ ${name}(params) }}`, { params });
}

// -- Reading the HTML -----------------------------------------------------------------------------------------
export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html);
}

/**
 * Elements matching a selector, in document order: a tag name, `.class`, `#id`, or a tag with classes and id
 * (`h2.govuk-heading-m`), and descendants of those (`ul a`). The root itself can match.
 */
export function select(root: HtmlDocument | HtmlElement, selector: string): HtmlElement[] {
  let found: Array<HtmlDocument | HtmlElement> = [root];
  for (const part of selector.trim().split(/\s+/)) {
    const test = compound(part);
    const next = new Set<HtmlElement>();
    for (const scope of found) for (const el of DomUtils.findAll(test, scope === root ? [scope] : (scope as HtmlElement).children)) next.add(el);
    found = [...next];
  }
  return found as HtmlElement[];
}

function compound(selector: string): (el: HtmlElement) => boolean {
  const match = /^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)(?:#([\w-]+))?$/i.exec(selector);
  if (!match) throw new Error(`select: unsupported selector "${selector}"`);
  const [, tag, classText, id] = match;
  const classes = classText ? classText.split(".").filter(Boolean) : [];
  return (el) => {
    if (tag && el.name !== tag.toLowerCase()) return false;
    if (id && el.attribs.id !== id) return false;
    const has = (el.attribs.class ?? "").split(/\s+/);
    return classes.every((c) => has.includes(c));
  };
}

/** The one element matching `selector`; fails if there are none or several. */
export function one(root: HtmlDocument | HtmlElement, selector: string): HtmlElement {
  const found = select(root, selector);
  if (found.length !== 1) throw new Error(`expected one "${selector}", found ${found.length}`);
  return found[0]!;
}

/** Text content with runs of whitespace as one space, trimmed: what a reader sees. */
export function text(node: HtmlDocument | HtmlElement): string {
  return DomUtils.textContent(node).replace(/\s+/g, " ").trim();
}

/** Every element's tag name, in document order: shows that nothing unexpected (a `<script>`) was parsed. */
export function tagNames(root: HtmlDocument | HtmlElement): string[] {
  return DomUtils.findAll(() => true, [root]).map((el) => el.name);
}
