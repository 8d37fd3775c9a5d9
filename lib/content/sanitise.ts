/**
 * Item bodies as safe HTML: the rendered Markdown of an item, passed through an allowlist that fits news, and
 * a list of everything the allowlist removed, so that the build and `npm run check` report it as a content
 * error instead of publishing a page that silently lost part of its text.
 *
 * Why sanitize-html: it is well kept (regular security releases, advisories fixed quickly), works from an
 * allowlist of elements, attributes, classes and URL schemes rather than a blocklist, and parses with
 * htmlparser2, so it runs in the render-ahead worker thread and in `npm run check` without a DOM (DOMPurify
 * needs one, e.g. jsdom, which is far heavier per body). OWASP's guidance is to sanitise with a maintained
 * library and an allowlist: this is that, after Markdown (markdown-it runs with `html: true` in the GOV.UK
 * plugin, and markdown-it-attrs lets `{…}` add any attribute).
 *
 * The allowlist is what the GOV.UK plugin's Markdown produces for ordinary Markdown (a test renders every
 * feature and checks nothing is removed) plus the plain elements of news text; nothing active: no script,
 * style, event handlers, frames, plug-ins, forms, meta, base, link, svg, math or template, and URLs only with
 * http, https, mailto and tel schemes or relative (no protocol-relative `//host`).
 *
 * Pure: no Eleventy, Nunjucks or file system.
 */
import sanitizeHtml from "sanitize-html";
import type { ContentIssue } from "./issues.ts";
import { quoteValue } from "./text-rules.ts";

/** Something the sanitiser removed from a body: an element, or one attribute (or class) of an element. */
export interface BodyRemoval {
  /** The element's tag name, lower case. */
  element: string;
  /** The attribute removed; absent when the whole element was removed. */
  attribute?: string;
  /** The attribute's value as written (for a class: the one class removed). */
  value?: string;
}

export interface SanitisedBody {
  html: string;
  removed: BodyRemoval[];
}

/** Elements a news body may contain. */
// biome-ignore format: a word list, kept compact and grouped by hand
export const ALLOWED_ELEMENTS: readonly string[] = [
  // Text and sections (the GOV.UK plugin writes footnotes in <footer> and a contents list in <nav>)
  "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
  "footer", "nav", "section", "address", "details", "summary",
  // Lists
  "ul", "ol", "li", "dl", "dt", "dd",
  // Inline text
  "a", "abbr", "b", "strong", "i", "em", "s", "del", "ins", "mark", "sub", "sup", "small", "q", "cite", "dfn",
  "kbd", "samp", "var", "time", "u", "bdi", "bdo", "wbr", "code", "pre",
  // Tables
  "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
  // Images
  "img",
];

export const ALLOWED_ELEMENT_SET: ReadonlySet<string> = new Set(ALLOWED_ELEMENTS);

const GLOBAL_ATTRIBUTES = ["id", "class", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"];

/** Attributes per element, besides GLOBAL_ATTRIBUTES. No event handlers, style, srcdoc, formaction, data-* (but one). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  "*": GLOBAL_ATTRIBUTES,
  a: ["href", "rel", "hreflang"],
  img: ["src", "alt", "width", "height"],
  // tabindex: the GOV.UK plugin makes tables, code blocks and headings focusable (keyboard scrolling, anchors).
  table: ["tabindex"],
  pre: ["tabindex"],
  ...Object.fromEntries(["h1", "h2", "h3", "h4", "h5", "h6"].map((h) => [h, ["tabindex"]])),
  th: ["colspan", "rowspan", "headers", "scope"],
  td: ["colspan", "rowspan", "headers"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  time: ["datetime"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  q: ["cite"],
  // Govspeak callouts and addresses are styled by this attribute (markdown-it-govuk).
  blockquote: ["cite", "data-govspeak"],
  div: ["data-govspeak"],
  details: ["open"],
};

/** Classes: GOV.UK Frontend's (govuk-…) and the GOV.UK plugin's and this site's (app-…). */
export const CLASS_PATTERN = /^(?:govuk|app)-\S+$/;

/** URL schemes for href, src and cite; anything else (javascript:, data:, vbscript:, file: …) is removed. */
export const ALLOWED_SCHEMES: readonly string[] = ["http", "https", "mailto", "tel"];

// markdown-it writes a table column's alignment as an inline style, which the site's Content-Security-Policy
// (style-src 'self') blocks and which is not allowed here: GOV.UK Frontend's text-align classes do the same.
const ALIGNMENT = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i;
const ALIGNMENT_CLASS: Record<string, string> = { left: "govuk-!-text-align-left", right: "govuk-!-text-align-right", center: "govuk-!-text-align-centre" };

function alignmentAsClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const align = attribs.style === undefined ? null : ALIGNMENT.exec(attribs.style);
  if (!align) return { tagName, attribs };
  const { style: _style, ...rest } = attribs;
  const extra = ALIGNMENT_CLASS[align[1]!.toLowerCase()]!;
  return { tagName, attribs: { ...rest, class: rest.class ? `${rest.class} ${extra}` : extra } };
}

/**
 * The body's HTML with everything outside the allowlist removed, and what was removed. Bodies in which nothing
 * was removed come out as markdown-it wrote them (same bytes for what the GOV.UK plugin's Markdown produces).
 */
export function sanitiseBody(html: string): SanitisedBody {
  // Every element sanitize-html looks at (not those inside a removed <script>, <style> or the like, which go
  // with it), with a copy of its attributes: sanitize-html deletes removed attributes from the copy it is
  // handed back, so what is missing afterwards is what it removed.
  const seen: Array<{ element: string; before: sanitizeHtml.Attributes; after: sanitizeHtml.Attributes }> = [];
  const clean = sanitizeHtml(html, {
    allowedTags: [...ALLOWED_ELEMENTS],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: { "*": [CLASS_PATTERN] },
    allowedSchemes: [...ALLOWED_SCHEMES],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // Raw-text and form elements whose text goes with them (sanitize-html's default plus the like).
    nonTextTags: ["script", "style", "textarea", "option", "xmp", "noscript", "template", "title", "noembed", "noframes", "iframe"],
    parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    // markdown-it writes double quotes in text as &quot;: keep them so, for the same bytes.
    textFilter: (text) => text.replace(/"/g, "&quot;"),
    transformTags: {
      th: alignmentAsClass,
      td: alignmentAsClass,
      "*": (tagName, attribs) => {
        const after = { ...attribs };
        seen.push({ element: tagName, before: attribs, after });
        return { tagName, attribs: after };
      },
    },
  });
  const removed: BodyRemoval[] = [];
  for (const { element, before, after } of seen) {
    if (!ALLOWED_ELEMENT_SET.has(element)) {
      removed.push({ element });
      continue;
    }
    for (const [attribute, value] of Object.entries(before)) {
      if (!(attribute in after)) removed.push({ element, attribute, value });
      else if (attribute === "class") {
        // sanitize-html drops disallowed classes from the value it writes, not from the attributes it keeps.
        for (const name of value.split(/\s+/)) if (name && !CLASS_PATTERN.test(name)) removed.push({ element, attribute, value: name });
      }
    }
  }
  // sanitize-html closes void elements XHTML-style (<br />); markdown-it does not. In its output " />" can only
  // be such an ending: text and attribute values have ">" escaped.
  return { html: clean.replaceAll(" />", ">"), removed };
}

// -- Messages ------------------------------------------------------------------------------------------------

const EMBEDS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "canvas", "portal"]);
const FORMS = new Set(["form", "input", "button", "select", "option", "textarea", "label", "fieldset", "output", "datalist"]);
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);

/** What is wrong and how to fix it, for one removal (without the line). */
export function describeRemoval(removal: BodyRemoval): string {
  const { element, attribute, value = "" } = removal;
  if (attribute === undefined) {
    if (EMBEDS.has(element)) return `<${element}> is not allowed in an item's text: remove it and link to what it shows instead`;
    if (FORMS.has(element)) return `<${element}> is not allowed in an item's text: remove it and link to the form's own page instead`;
    if (element === "style") return `<style> is not allowed in an item's text: remove it (the site's own styles apply)`;
    return `<${element}> is not allowed in an item's text: remove it`;
  }
  if (/^on/.test(attribute)) return `the ${attribute} attribute on <${element}> is not allowed in an item's text (it would run script): remove it`;
  if (attribute === "style") return `the style attribute on <${element}> is not allowed in an item's text: remove it (the site's own styles apply)`;
  if (attribute === "class")
    return `the class ${quoteValue(value, 60)} on <${element}> is not allowed in an item's text: remove it (only GOV.UK classes, starting govuk-, can be used)`;
  if (URL_ATTRIBUTES.has(attribute) && value.trim() === "") {
    return element === "img"
      ? `an image has no address (src): add the image's path or remove the image`
      : `the ${attribute} attribute on <${element}> is empty: add the address or remove it`;
  }
  if (URL_ATTRIBUTES.has(attribute)) {
    if (element === "img") {
      return `the image address ${quoteValue(value, 60)} is not allowed: put the image in the images folder and write /images/<file name>, or use an https:// address`;
    }
    return `the ${element === "a" ? "link" : `${attribute}`} address ${quoteValue(value, 60)} is not allowed: use an https://, http://, mailto: or tel: address, or a path on this site starting with /`;
  }
  return `the ${attribute} attribute on <${element}> is not allowed in an item's text: remove it`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where in the Markdown a removal probably comes from: the first occurrence of the element's tag, or of the
 * attribute (or its value), after the previous removal of the same kind. -1 when it cannot be found (the
 * message then has no line).
 */
function locate(markdown: string, removal: BodyRemoval, from: number): number {
  const patterns: RegExp[] = [];
  if (removal.attribute === undefined) patterns.push(new RegExp(`<${escapeRegExp(removal.element)}(?![\\w-])`, "gi"));
  else {
    const name = `(?<![\\w-])${escapeRegExp(removal.attribute)}`;
    const value = removal.value?.trim().slice(0, 30) ?? "";
    // As written in HTML or in markdown-it-attrs braces, then the value alone (a Markdown link or image), then
    // the attribute however its value is spelt (entities), then the name alone (a boolean attribute).
    if (value) patterns.push(new RegExp(`${name}\\s*=\\s*["']?${escapeRegExp(value)}`, "gi"));
    if (value.length >= 4) patterns.push(new RegExp(escapeRegExp(value), "g"));
    patterns.push(new RegExp(`${name}\\s*=`, "gi"), new RegExp(`${name}(?![\\w-])`, "gi"));
  }
  for (const pattern of patterns) {
    pattern.lastIndex = from;
    const match = pattern.exec(markdown);
    if (match) return match.index;
  }
  return -1;
}

/**
 * One content problem per removal, in the body's order, each with the line of the file it is probably on.
 * `firstLine` is the file's line number of the body's first line (after the front matter).
 */
export function bodyIssues(file: string, markdown: string, removed: readonly BodyRemoval[], firstLine = 1): ContentIssue[] {
  const cursor = new Map<string, number>();
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  for (const removal of removed) {
    const key = `${removal.element} ${removal.attribute ?? ""} ${removal.value ?? ""}`;
    const at = locate(markdown, removal, cursor.get(key) ?? 0);
    if (at >= 0) cursor.set(key, at + 1);
    const line = at >= 0 ? firstLine + countLines(markdown, at) : undefined;
    const message = describeRemoval(removal);
    if (seen.has(`${line} ${message}`)) continue;
    seen.add(`${line} ${message}`);
    issues.push({ file, field: "(body)", message, ...(line === undefined ? {} : { line, column: 1 }) });
  }
  return issues;
}

/** How many line breaks `text` has before `end`: the line of `end` counted from 0 (characters.ts, body-links.ts). */
export function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** The line of a file on which its body (the text after the front matter) starts: 1 when it has no front matter. */
export function bodyFirstLine(raw: string, body: string): number {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!body || !text.endsWith(body)) return 1;
  return 1 + countLines(text, text.length - body.length);
}
