/**
 * Is an image file what its name says? Raster images are told by their first bytes (the "magic numbers" of PNG,
 * JPEG, GIF, WebP and AVIF); an SVG must be well-formed XML with an <svg> root, made only of drawing elements and
 * attributes on an allowlist: no script, event handlers, <foreignObject>, links or references out of the file,
 * javascript: or data: URLs, DOCTYPE or entities. Opened directly (`/images/x.svg`), an SVG is a document of the
 * site's own origin, so anything that can run or fetch is refused rather than cleaned.
 *
 * fast-xml-parser (already a dependency, no native code, keeps document order and reports the line of a syntax
 * error) reads the SVG; the checks on what it finds are ours, as an allowlist, because an SVG sanitiser's job is
 * to rewrite, and an editor should be told instead.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const IMAGE_TYPES = {
  png: "PNG",
  jpg: "JPEG",
  jpeg: "JPEG",
  gif: "GIF",
  webp: "WebP",
  avif: "AVIF",
  svg: "SVG",
} as const;
export type ImageExtension = keyof typeof IMAGE_TYPES;

export function isImageExtension(extension: string): extension is ImageExtension {
  return Object.hasOwn(IMAGE_TYPES, extension);
}

/** How many leading bytes rasterType needs. */
export const MAGIC_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The raster type the leading bytes say, by the file signatures of each format; undefined if none. */
export function rasterType(bytes: Uint8Array): "PNG" | "JPEG" | "GIF" | "WebP" | "AVIF" | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "PNG";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "JPEG";
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return "GIF";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "WebP";
  // ISO base media: a `ftyp` box whose major or compatible brands include avif (still) or avis (sequence).
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === "ftyp") {
    const size = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length);
    for (let at = 8; at + 4 <= size; at += 4) {
      if (at === 12) continue; // minor version, not a brand
      const brand = ascii(bytes, at, at + 4);
      if (brand === "avif" || brand === "avis") return "AVIF";
    }
  }
  return undefined;
}

/** A message for the editor when the leading bytes are not the raster type the extension names. */
export function rasterProblem(extension: ImageExtension, bytes: Uint8Array): string | undefined {
  const expected = IMAGE_TYPES[extension];
  const actual = rasterType(bytes);
  if (actual === expected) return undefined;
  if (actual) {
    const better = Object.entries(IMAGE_TYPES).find(([, type]) => type === actual)![0];
    return `is a ${actual} image, not ${expected}: rename it to end in .${better} (and change the paths that use it)`;
  }
  return `is not a ${expected} image (its contents are not an image at all): export it again as ${expected}, or delete it`;
}

// --- SVG ----------------------------------------------------------------------------------------------------

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

/** Drawing, text, paint-server, clipping, masking and filter elements: nothing that runs, links or embeds. */
const ELEMENTS = new Set(
  (
    "svg g defs desc title metadata symbol use path rect circle ellipse line polyline polygon text tspan textPath " +
    "linearGradient radialGradient stop clipPath mask pattern marker style filter feBlend feColorMatrix " +
    "feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight " +
    "feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset " +
    "fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
  ).split(" "),
);

/** Geometry, presentation and filter attributes. `href` is allowed to point inside the file only. */
const ATTRIBUTES = new Set(
  (
    "id class style lang xml:lang xml:space role focusable tabindex xmlns xmlns:xlink version baseProfile viewBox " +
    "preserveAspectRatio width height x y x1 x2 y1 y2 cx cy r rx ry fx fy fr d points pathLength transform " +
    "gradientUnits gradientTransform spreadMethod offset stop-color stop-opacity href xlink:href clipPathUnits " +
    "maskUnits maskContentUnits patternUnits patternContentUnits patternTransform markerWidth markerHeight " +
    "markerUnits refX refY orient filterUnits primitiveUnits in in2 result stdDeviation dx dy mode operator k1 k2 " +
    "k3 k4 type values tableValues slope intercept amplitude exponent offset radius scale xChannelSelector " +
    "yChannelSelector baseFrequency numOctaves seed stitchTiles flood-color flood-opacity lighting-color " +
    "surfaceScale diffuseConstant specularConstant specularExponent kernelMatrix order divisor bias targetX " +
    "targetY edgeMode kernelUnitLength preserveAlpha azimuth elevation pointsAtX pointsAtY pointsAtZ " +
    "limitingConeAngle z text-anchor dominant-baseline alignment-baseline baseline-shift font-family font-size " +
    "font-weight font-style font-variant font-stretch letter-spacing word-spacing text-decoration writing-mode " +
    "textLength lengthAdjust rotate startOffset method spacing side fill fill-opacity fill-rule stroke stroke-width " +
    "stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity " +
    "color display visibility overflow clip-path clip-rule mask filter marker-start marker-mid marker-end " +
    "paint-order vector-effect shape-rendering text-rendering image-rendering color-interpolation " +
    "color-interpolation-filters mix-blend-mode isolation media"
  ).split(" "),
);

/** CSS functions that compute or draw; anything else (image-set, image, cross-fade, src, expression …) could fetch or run. */
const CSS_FUNCTIONS = new Set(
  "url rgb rgba hsl hsla hwb lab lch oklab oklch color var calc min max clamp matrix matrix3d translate translatex translatey translate3d scale scalex scaley scale3d rotate rotate3d skew skewx skewy perspective cubic-bezier steps linear-gradient radial-gradient".split(
    " ",
  ),
);

const ENTITY = /&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character and predefined entity references, decoded as a browser would before using the value. */
function decodeEntities(value: string): string {
  return value.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A reason when CSS (a style attribute or <style> element) could fetch, run or escape; undefined when it is plain. */
function cssProblem(css: string): string | undefined {
  if (css.includes("\\")) return "uses CSS escapes (\\)";
  if (css.includes("@")) return "uses a CSS at-rule (@import, @font-face …)";
  for (const match of css.matchAll(/([a-z0-9_-]+)\s*\(/gi)) {
    const name = match[1]!.toLowerCase();
    if (!CSS_FUNCTIONS.has(name)) return `uses the CSS function ${name}()`;
  }
  for (const match of css.matchAll(/url\(\s*(['"]?)\s*([^'")\s]*)/gi)) {
    if (!match[2]!.startsWith("#")) return `refers to something outside the file (url(${match[2]}))`;
  }
  return undefined;
}

/** A reason when an attribute value could run script or fetch from outside the file. */
function valueProblem(name: string, raw: string): string | undefined {
  const value = decodeEntities(raw);
  // Browsers ignore control characters and spaces inside a URL scheme ("java\tscript:").
  const squeezed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  if (/^(javascript|vbscript|data):/.test(squeezed)) return `${name} has a ${squeezed.split(":")[0]}: URL`;
  if ((name === "href" || name === "xlink:href") && !value.trim().startsWith("#")) return `${name} points outside the file ("${value.slice(0, 60)}")`;
  if (name === "style") {
    const css = cssProblem(value);
    if (css) return `style ${css}`;
  } else if (/url\s*\(/i.test(value)) {
    const css = cssProblem(value);
    if (css) return `${name} ${css}`;
  }
  return undefined;
}

type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  allowBooleanAttributes: true,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
});

/** Every text (and CDATA) inside a node's children, for <style>. */
function textOf(children: XmlNode[]): string {
  return children.map((child) => (typeof child["#text"] === "string" ? child["#text"] : Array.isArray(child["#cdata"]) ? textOf(child["#cdata"] as XmlNode[]) : "")).join("");
}

const FIX = "export it again as plain SVG (e.g. through SVGOMG), or use a PNG";

/** A message for the editor when an SVG file is not a plain, script-free drawing; undefined when it is. */
export function svgProblem(text: string): string | undefined {
  // A DOCTYPE can declare entities that expand without limit, or fetch another file: none is needed.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return `has a DOCTYPE or ENTITY declaration, which SVG images must not have: ${FIX}`;
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) return `is not well-formed SVG (line ${valid.err.line}: ${valid.err.msg}): ${FIX}`;
  const top = parser.parse(text) as XmlNode[];
  const problems: string[] = [];
  let roots = 0;
  const walk = (nodes: XmlNode[], depth: number) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@")!;
      if (name === "#text" || name === "#comment" || name === "#cdata") continue;
      const attributes = node[":@"] ?? {};
      const children = (node[name] ?? []) as XmlNode[];
      if (name.startsWith("?")) {
        if (name !== "?xml" || depth > 0) problems.push(`has a processing instruction <${name}>`);
        continue;
      }
      if (depth === 0) {
        roots++;
        if (name !== "svg") problems.push(`has <${name}> as its root element, not <svg>`);
        else if (attributes.xmlns !== SVG_NAMESPACE) problems.push(`lacks xmlns="${SVG_NAMESPACE}" on <svg>, so browsers do not show it as an image`);
      }
      if (!ELEMENTS.has(name)) problems.push(`has a <${name}> element, which is not allowed in an image`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) problems.push(`has an event handler (${attribute} on <${name}>)`);
        else if (attribute === "xmlns:xlink" && value !== XLINK_NAMESPACE) problems.push(`has an unexpected xmlns:xlink namespace`);
        else if (!ATTRIBUTES.has(attribute) && !/^(data|aria)-[a-z0-9-]+$/i.test(attribute))
          problems.push(`has a ${attribute} attribute on <${name}>, which is not allowed in an image`);
        else {
          const problem = valueProblem(attribute, String(value));
          if (problem) problems.push(`has ${problem} on <${name}>`);
        }
      }
      if (name === "style") {
        const problem = cssProblem(decodeEntities(textOf(children)));
        if (problem) problems.push(`has a <style> that ${problem}`);
      }
      walk(children, depth + 1);
    }
  };
  walk(top, 0);
  if (roots !== 1 && !problems.length) problems.push(roots === 0 ? "has no <svg> element" : "has more than one root element");
  if (!problems.length) return undefined;
  const shown = problems.slice(0, 3).join("; ") + (problems.length > 3 ? `; and ${problems.length - 3} more` : "");
  return `is not a plain SVG image: it ${shown.replace(/; has /g, "; ")}. Images must not run script or load anything else: ${FIX}`;
}
