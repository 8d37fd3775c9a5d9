import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { serve } from "../../../scripts/serve.ts";

/** The raw response to a GET, without fetch's own decompression. */
function get(port: number, urlPath: string, acceptEncoding?: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath, headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

test("serve with compress gzips text for a client that accepts it, as Netlify does; without, sends files as they are", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-serve-"));
  const css = "body{color:red}".repeat(200);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  fs.writeFileSync(path.join(root, "s.css"), css);
  fs.writeFileSync(path.join(root, "i.png"), png);
  fs.writeFileSync(path.join(root, "404.html"), "<p>not found</p>");
  const compressing = serve(root, 0, [], { compress: true });
  const plain = serve(root, 0);
  await Promise.all([compressing, plain].map((s) => new Promise((resolve) => s.once("listening", resolve))));
  const port = (s: http.Server) => (s.address() as AddressInfo).port;
  try {
    const gzipped = await get(port(compressing), "/s.css", "gzip, deflate, br");
    assert.equal(gzipped.headers["content-encoding"], "gzip");
    assert.equal(gzipped.headers.vary, "Accept-Encoding");
    assert.equal(zlib.gunzipSync(gzipped.body).toString(), css);
    assert.ok(gzipped.body.length < css.length);
    const missing = await get(port(compressing), "/nothing/", "gzip");
    assert.equal(zlib.gunzipSync(missing.body).toString(), "<p>not found</p>", "the 404 page too");

    for (const [label, response] of [
      ["a client that does not accept gzip", await get(port(compressing), "/s.css")],
      ["the server without compress", await get(port(plain), "/s.css", "gzip")],
    ] as const) {
      assert.equal(response.headers["content-encoding"], undefined, label);
      assert.equal(response.body.toString(), css, label);
    }
    const image = await get(port(compressing), "/i.png", "gzip");
    assert.equal(image.headers["content-encoding"], undefined, "a PNG is compressed already");
    assert.deepEqual(image.body, png);
  } finally {
    await Promise.all([compressing, plain].map((s) => new Promise((resolve) => s.close(resolve))));
    fs.rmSync(root, { recursive: true, force: true });
  }
});
