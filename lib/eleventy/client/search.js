// @ts-check
/**
 * The search page (/search/, _includes/search.njk): runs the query in the page's address with Pagefind and lists
 * the results as list pages list items. Served as it is, under a fingerprinted name (lib/eleventy/virtual-pages/assets.ts).
 *
 * Everything from the index or the address is put into the page as text (textContent, setAttribute on plain
 * attributes): never as markup. Links go only to paths on this site. Pagefind runs on this thread, not in its web
 * worker: the CSP allows no workers, and its WebAssembly needs only 'wasm-unsafe-eval' (netlify.toml).
 *
 * The address is the state: ?q=words&type=…&topic=…&year=…&order=newest&page=2. The form is a plain GET form
 * to this page, so without this script, and with it, the same address gives the same search.
 */

/** Results per page. */
export const PAGE_SIZE = 20;
/** The filters the form offers, by their names in the address and in the index (data-pagefind-filter). */
export const FILTERS = /** @type {const} */ (["type", "topic", "year"]);
const BUNDLE = "/search-index/pagefind.js";

/**
 * @typedef {{ q: string, filters: Record<string, string>, order: "relevance" | "newest", page: number }} SearchRequest
 * @typedef {{ url: string, meta: Record<string, string | undefined> }} ResultData
 */

/**
 * What to search for, from the address's query string. Unknown parameters are ignored; a page that is not a
 * positive whole number is 1.
 * @param {string} search e.g. "?q=cyber&type=News+story"
 * @returns {SearchRequest}
 */
export function parseRequest(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").trim(),
    filters,
    order: params.get("order") === "newest" ? "newest" : "relevance",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * The query string for a request (for the address and the result pages' links), leaving out defaults.
 * @param {SearchRequest} request
 */
export function requestQuery(request) {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  for (const name of FILTERS) if (request.filters[name]) params.set(name, request.filters[name]);
  if (request.order === "newest") params.set("order", "newest");
  if (request.page > 1) params.set("page", String(request.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * Pagefind's arguments for a request: the words (null: every item, when only filters are chosen) and its options;
 * undefined when there is nothing to search for.
 * @param {SearchRequest} request
 * @returns {{ term: string | null, options: { filters: Record<string, string[]>, sort?: Record<string, "desc"> } } | undefined}
 */
export function pagefindArguments(request) {
  const filters = Object.fromEntries(Object.entries(request.filters).map(([name, value]) => [name, [value]]));
  if (!request.q && Object.keys(filters).length === 0) return undefined;
  return { term: request.q || null, options: { filters, ...(request.order === "newest" ? { sort: { date: "desc" } } : {}) } };
}

/**
 * A site path Pagefind gave, or undefined if it is anything else (another origin, a script: URL).
 * @param {unknown} url
 */
export function sitePath(url) {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") && !url.includes("\\") ? url : undefined;
}

/**
 * "1 result", "20 results", with the words searched for and the page, for the status line.
 * @param {number} total
 * @param {SearchRequest} request
 */
export function statusText(total, request) {
  const count = `${total.toLocaleString("en-GB")} ${total === 1 ? "result" : "results"}`;
  const words = request.q ? ` for “${request.q}”` : "";
  const pages = Math.ceil(total / PAGE_SIZE);
  const page = pages > 1 ? `, page ${Math.min(request.page, pages)} of ${pages}` : "";
  return total === 0 ? `No results${words}. Check the spelling, try other or fewer words, or choose fewer filters.` : `${count}${words}${page}`;
}

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One result, marked up as a list page's entry (_includes/components/article-summary).
 * @param {ResultData} data
 */
function resultItem(data) {
  const href = sitePath(data.url);
  const meta = data.meta;
  const item = element("li", "app-article-summary");
  if (meta.type) item.append(element("p", "app-article-summary__type", meta.type));
  const heading = element("h3", "govuk-heading-m app-article-summary__title");
  const link = element("a", "govuk-link", meta.title ?? href ?? "");
  if (href) link.setAttribute("href", href);
  heading.append(link);
  item.append(heading);
  if (meta.standfirst) item.append(element("p", "govuk-body app-article-summary__standfirst", meta.standfirst));
  const line = element("p", "govuk-body-s app-article-summary__meta");
  if (meta.byline) line.append(element("span", "app-byline", `By ${meta.byline}`));
  if (meta.byline && meta.date) {
    const separator = element("span", "app-article-summary__separator", "·");
    separator.setAttribute("aria-hidden", "true");
    line.append(" ", separator, " ");
  }
  if (meta.date) {
    const time = element("time", undefined, meta.date);
    if (meta.datetime) time.setAttribute("datetime", meta.datetime);
    line.append(time);
  }
  if (line.childNodes.length) item.append(line);
  return item;
}

/**
 * GOV.UK pagination: Previous and Next links, each to the same search on the next page.
 * @param {HTMLElement} nav
 * @param {SearchRequest} request
 * @param {number} pages
 */
function renderPagination(nav, request, pages) {
  nav.replaceChildren();
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  /** @param {number} page @param {"prev" | "next"} which */
  const link = (page, which) => {
    const wrapper = element("div", `govuk-pagination__${which}`);
    const anchor = element("a", "govuk-link govuk-pagination__link");
    anchor.setAttribute("href", `/search/${requestQuery({ ...request, page })}`);
    anchor.setAttribute("rel", which);
    const title = element("span", "govuk-pagination__link-title", which === "prev" ? "Previous" : "Next");
    title.append(element("span", "govuk-visually-hidden", " page"));
    anchor.append(title);
    wrapper.append(anchor);
    nav.append(wrapper);
  };
  if (request.page > 1) link(request.page - 1, "prev");
  if (request.page < pages) link(request.page + 1, "next");
}

/** @type {Promise<any> | undefined} */
let pagefind;
function loadPagefind() {
  pagefind ??= import(BUNDLE).then(async (module) => {
    await module.options({ noWorker: true });
    return module;
  });
  return pagefind;
}

/**
 * Shows the form's current search: its fields are the state (a value the form does not offer is dropped).
 * @param {HTMLFormElement} form
 * @param {{ status: HTMLElement, list: HTMLElement, nav: HTMLElement }} parts
 * @param {number} run this search's number: a later search supersedes it
 */
async function showResults(form, parts, run) {
  const request = parseRequest(`?${new URLSearchParams(/** @type {any} */ (new FormData(form))).toString()}`);
  request.page = parseRequest(window.location.search).page;
  const search = pagefindArguments(request);
  parts.list.replaceChildren();
  parts.nav.hidden = true;
  if (!search) {
    parts.status.textContent = "Enter words to search for, or choose a type, topic or year.";
    return;
  }
  parts.status.textContent = "Searching…";
  try {
    const module = await loadPagefind();
    const found = await module.search(search.term, search.options);
    if (run !== latestRun) return;
    const results = found?.results ?? [];
    const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    if (request.page > pages) request.page = pages;
    const shown = results.slice((request.page - 1) * PAGE_SIZE, request.page * PAGE_SIZE);
    const data = /** @type {ResultData[]} */ (await Promise.all(shown.map((/** @type {{ data(): Promise<ResultData> }} */ result) => result.data())));
    if (run !== latestRun) return;
    parts.list.replaceChildren(...data.map(resultItem));
    parts.status.textContent = statusText(results.length, request);
    renderPagination(parts.nav, request, pages);
  } catch {
    if (run !== latestRun) return;
    parts.status.textContent = "Sorry, search is not working at the moment. Try again later, or browse by topic.";
  }
}

let latestRun = 0;

/** Fills the form from the address, then searches. */
function fillForm(/** @type {HTMLFormElement} */ form) {
  const request = parseRequest(window.location.search);
  const set = (/** @type {string} */ name, /** @type {string} */ value) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set("q", request.q);
  for (const name of FILTERS) set(name, request.filters[name] ?? "");
  set("order", request.order);
}

function start() {
  const form = document.getElementById("search-form");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const nav = document.getElementById("search-pagination");
  if (!(form instanceof HTMLFormElement) || !status || !list || !nav) return;
  const parts = { status, list, nav };
  const run = () => showResults(form, parts, ++latestRun);
  // Searching from the form keeps the address in step, so a result page can be bookmarked, shared and gone back to.
  const update = () => {
    const request = parseRequest(`?${new URLSearchParams(/** @type {any} */ (new FormData(form))).toString()}`);
    window.history.pushState(null, "", `/search/${requestQuery({ ...request, page: 1 })}`);
    run();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  for (const name of [...FILTERS, "order"]) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement) field.addEventListener("change", update);
  }
  window.addEventListener("popstate", () => {
    fillForm(form);
    run();
  });
  fillForm(form);
  run();
}

if (typeof document !== "undefined") start();
