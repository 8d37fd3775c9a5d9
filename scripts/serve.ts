/**
 * A tiny static server for a built site (tests and quick looks): serves files, `index.html` for folders,
 * and the site's 404 page with status 404, like Netlify, with the headers netlify.toml gives each path
 * (scripts/netlify-headers.ts), so the browser tests run under the production CSP and cache rules, and the
 * redirects of the site's own `_redirects` file (scripts/netlify-redirects.ts) for paths no file answers.
 * With `compress`, text responses are gzipped for a client that accepts it, as Netlify's are (scripts/lighthouse.ts
 * measures transfer sizes); the browser tests do without.
 * Usage: node scripts/serve.ts [dir] [port]
 */
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { headersForPath, loadHeaderRules, type HeaderRule } from "./netlify-headers.ts";
import { loadRedirects, redirectFor, type RedirectRule } from "./netlify-redirects.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".opml": "text/x-opml; charset=utf-8",
};

export function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  const target = path.resolve(root, "." + clean);
  if (!target.startsWith(path.resolve(root))) return undefined;
  if (fs.existsSync(target) && fs.statSync(target).isFile()) return target;
  const index = path.join(target, "index.html");
  if (clean.endsWith("/") && fs.existsSync(index)) return index;
  return undefined;
}

/** Content types Netlify compresses: text, and the feeds, scripts and SVG images that are text underneath. */
const COMPRESSIBLE = /^(text\/|application\/(.+\+)?(json|xml|javascript)|image\/svg\+xml)/;

/** Serve `root` on 127.0.0.1:`port` (0: any free port), sending the header `rules` Netlify would for each path. */
export function serve(root: string, port: number, rules: readonly HeaderRule[] = [], options: { compress?: boolean } = {}): http.Server {
  // Read when first needed and again when it changes: the browser tests start the server before they build.
  const redirectsFile = path.join(root, "_redirects");
  let redirects: { mtimeMs: number; rules: Promise<RedirectRule[]> } | undefined;
  const currentRedirects = (): Promise<RedirectRule[]> => {
    const mtimeMs = fs.existsSync(redirectsFile) ? fs.statSync(redirectsFile).mtimeMs : -1;
    if (redirects?.mtimeMs !== mtimeMs) redirects = { mtimeMs, rules: loadRedirects(redirectsFile) };
    return redirects.rules;
  };
  const server = http.createServer(async (req, res) => {
    const urlPath = req.url ?? "/";
    const pathOnly = urlPath.split("?")[0]!.split("#")[0]!;
    // Netlify matches rules against the requested path, whatever file answers it (the 404 page included).
    const custom = headersForPath(rules, pathOnly);
    const file = resolveFile(root, urlPath);
    // A redirect that is not forced applies only where no file answers (Netlify's shadowing).
    if (!file) {
      let redirect: RedirectRule | undefined;
      try {
        redirect = redirectFor(await currentRedirects(), pathOnly);
      } catch (error) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(String(error));
        return;
      }
      if (redirect) {
        for (const [name, value] of Object.entries(custom)) res.setHeader(name, value);
        // Netlify passes the query string on to the new address.
        const query = urlPath.includes("?") ? urlPath.slice(urlPath.indexOf("?")).split("#")[0]! : "";
        res.writeHead(redirect.status, { Location: redirect.to + query }).end();
        return;
      }
    }
    // A folder without its trailing slash: redirect, as Netlify does.
    if (!file && !urlPath.endsWith("/") && resolveFile(root, urlPath + "/")) {
      for (const [name, value] of Object.entries(custom)) res.setHeader(name, value);
      res.writeHead(301, { Location: urlPath + "/" }).end();
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? path.join(root, "404.html");
    res.setHeader("Content-Type", TYPES[path.extname(body)] ?? "application/octet-stream");
    // Custom headers replace the server's own (setHeader ignores case), as Content-Type does for the feeds.
    for (const [name, value] of Object.entries(custom)) res.setHeader(name, value);
    const gzip = options.compress && COMPRESSIBLE.test(String(res.getHeader("Content-Type"))) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    if (options.compress) res.setHeader("Vary", "Accept-Encoding");
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.writeHead(status);
    const stream = fs.createReadStream(body).on("error", () => res.end("Not found"));
    (gzip ? stream.pipe(zlib.createGzip()) : stream).pipe(res);
  });
  return server.listen(port, "127.0.0.1");
}

if (import.meta.main) {
  const root = process.argv[2] ?? process.env.SITE_DIR ?? "_site";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  serve(root, port, await loadHeaderRules(process.env.NETLIFY_TOML ?? "netlify.toml"));
  console.log(`Serving ${root} at http://127.0.0.1:${port}/`);
}
