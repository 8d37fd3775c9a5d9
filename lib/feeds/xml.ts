/**
 * A tiny XML writer for our feeds: elements from data, every text and attribute value escaped here.
 *
 * Why not a library: xmlbuilder2 (tried first) leaves an "&" alone when it starts something that looks like an
 * entity, so the text `&lt;script&gt;` is written as-is and a reader decodes it to `<script>`. Feed text is
 * exactly where editors' and readers' HTML-looking strings appear, so we escape every "&" ourselves.
 * XML 1.0 also forbids most C0 control characters and lone surrogates even when escaped; they are removed
 * (they are invisible anyway). https://www.w3.org/TR/xml/#charsets
 */

// Characters XML 1.0 does not allow: C0 controls except tab, LF and CR; U+FFFE/U+FFFF; unpaired surrogates.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character NOT_XML_CHAR might remove: a plain character class, so a scan of clean text is quick. */
const MAYBE_NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Text safe to put in an XML document: forbidden characters removed. */
export function xmlText(value: string): string {
  // Feeds carry every item's full HTML, several times over; nearly all of it has nothing to remove.
  return MAYBE_NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHAR, "") : value;
}

/** Character data: & < > escaped (">" too, so "]]>" can never appear). */
export function escapeText(value: string): string {
  return xmlText(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Attribute values (always written in double quotes). Tabs and line breaks become spaces, as XML attribute
 * normalisation would do anyway (https://www.w3.org/TR/xml/#AVNormalize); some feed parsers do not decode
 * character references such as &#9; in attributes.
 */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, " ");
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export interface XmlElement {
  name: string;
  attributes: Array<[string, string]>;
  children: Array<XmlElement | string>;
}

/**
 * An element. Attributes whose value is undefined are left out; children that are undefined or false are
 * skipped, strings become escaped text.
 */
export function el(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: Array<XmlElement | string | undefined | false | Array<XmlElement | string | undefined | false>>
): XmlElement {
  if (!NAME.test(name)) throw new Error(`Invalid XML element name: ${name}`);
  const attrs = Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined);
  for (const [key] of attrs) if (!NAME.test(key)) throw new Error(`Invalid XML attribute name: ${key}`);
  const flat = children.flat().filter((c): c is XmlElement | string => c !== undefined && c !== false);
  return { name, attributes: attrs, children: flat };
}

function render(node: XmlElement, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  const attrs = node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join("");
  if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`);
  } else if (node.children.every((c) => typeof c === "string")) {
    out.push(`${pad}<${node.name}${attrs}>${node.children.map((c) => escapeText(c as string)).join("")}</${node.name}>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) {
      if (typeof child === "string") out.push(`${pad}  ${escapeText(child)}`);
      else render(child, depth + 1, out);
    }
    out.push(`${pad}</${node.name}>`);
  }
}

/** A complete document: declaration, processing instructions (e.g. an XSL stylesheet), the root element. */
export function xmlDocument(root: XmlElement, processingInstructions: Array<[target: string, data: string]> = []): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  for (const [target, data] of processingInstructions) {
    if (!NAME.test(target) || data.includes("?>")) throw new Error(`Invalid processing instruction: ${target}`);
    out.push(`<?${target} ${data}?>`);
  }
  render(root, 0, out);
  return `${out.join("\n")}\n`;
}
