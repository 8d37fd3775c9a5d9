/**
 * A tiny static server for a built site (tests and quick looks): serves files, `index.html` for folders,
 * and the site's 404 page with status 404, like Netlify. Usage: node scripts/serve.ts [dir] [port]
 */
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

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

export function serve(root: string, port: number): http.Server {
  const server = http.createServer((req, res) => {
    const urlPath = req.url ?? "/";
    const file = resolveFile(root, urlPath);
    // A folder without its trailing slash: redirect, as Netlify does.
    if (!file && !urlPath.endsWith("/") && resolveFile(root, urlPath + "/")) {
      res.writeHead(301, { Location: urlPath + "/" }).end();
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? path.join(root, "404.html");
    res.writeHead(status, { "Content-Type": TYPES[path.extname(body)] ?? "application/octet-stream" });
    fs.createReadStream(body).on("error", () => res.end("Not found")).pipe(res);
  });
  return server.listen(port, "127.0.0.1");
}

if (import.meta.main) {
  const root = process.argv[2] ?? process.env.SITE_DIR ?? "_site";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  serve(root, port);
  console.log(`Serving ${root} at http://127.0.0.1:${port}/`);
}
