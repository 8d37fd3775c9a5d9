/**
 * The worker side of render-ahead.ts: on the build machine's second core, renders every published item's
 * Markdown body (sanitised, with what the sanitiser removed) and computes every related-articles list while
 * Eleventy prepares and renders pages.
 *
 * Order of work: the stylesheet and the bodies feeds need first (Eleventy renders both before pages), then the
 * related-articles index, then in chunks in the order pages are written each chunk's related lists and remaining
 * bodies (after the first chunk at a lower thread priority: they are needed only as pages come to them), each
 * chunk no further than AHEAD items beyond the page the main thread has come to (which it shares): bodies rendered
 * far ahead would only wait in the main thread's memory. Each result is one message on the port; after each, the
 * shared counter is raised so a main thread that waits for it wakes.
 * What it saves is in render-ahead.ts; measured in docs/performance.md (npm run bench).
 */
import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { PROGRESS, SENT, type RenderAheadMessage, type RenderAheadWorkerData } from "./render-ahead.ts";
import type { ArticleSummary, RelatedIndex } from "../related/engine.ts";
import type { BodyRemoval } from "../content/sanitise.ts";
import { findReferences, type BodyReferences } from "../content/body-references.ts";
import { lowerThreadPriority } from "./thread-priority.ts";

const CHUNK = 500;
/** How far beyond the main thread's page (in items) chunks are sent: enough that pages never wait for one. */
const AHEAD = 2 * CHUNK;

const { port, signal, input } = workerData as RenderAheadWorkerData & { port: MessagePort };
const counter = new Int32Array(signal);

/** Waits until the main thread has come within AHEAD items of `from` (render-ahead.ts raises PROGRESS). */
function waitForPages(from: number): void {
  for (let reached = Atomics.load(counter, PROGRESS); from > reached + AHEAD; reached = Atomics.load(counter, PROGRESS)) {
    // With a limit, so that a worker told to end (terminate) is not held in the wait.
    Atomics.wait(counter, PROGRESS, reached, 1000);
  }
}

function send(message: RenderAheadMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(counter, SENT, 1);
  Atomics.notify(counter, SENT);
}

try {
  if (input.stylesheet) {
    // Its own failure is not the worker's: the main thread then compiles it and reports Sass's error.
    const { compileStylesheet } = await import("../eleventy/stylesheet.ts");
    let css: string | undefined;
    try {
      css = compileStylesheet(input.stylesheet);
    } catch {
      css = undefined;
    }
    send({ kind: "stylesheet", css });
  }

  const { createMarkdown } = await import("../eleventy/markdown.ts");
  const { readBody } = await import("../content/text-files.ts");
  const render = await createMarkdown(input.site);
  // Each body is read from its file when asked for (twice: for the term counts, then to render it), never kept.
  const items = input.items.map((item): ArticleSummary => {
    // Unreadable now, the worker fails and the main thread renders the bodies itself (and reports why).
    const body = () => readBody(input.root, item.file);
    return Object.defineProperty(item, "body", { enumerable: true, get: body }) as unknown as ArticleSummary;
  });
  const bySlug = new Map(items.map((item) => [item.slug, item]));

  const sendBodies = (slugs: string[]) => {
    // What the sanitiser removed, and the links and images to check, go with the bodies: the main thread fails
    // the build on a removal or a broken link.
    const removed: Array<[number, BodyRemoval[]]> = [];
    const references: Array<[number, BodyReferences]> = [];
    const parts = slugs.map((slug, i) => {
      const body = render(bySlug.get(slug)!.body);
      if (body.removed.length > 0) removed.push([i, body.removed]);
      const found = body.references ?? findReferences(body.html);
      if (found.links.length > 0 || found.images.length > 0) references.push([i, found]);
      return Buffer.from(body.html);
    });
    const ends = new Uint32Array(parts.length);
    let end = 0;
    parts.forEach((part, i) => (ends[i] = end += part.length));
    const bytes = Buffer.concat(parts, end);
    // A fresh ArrayBuffer of exactly these bytes, moved (not copied) to the main thread.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
    send({ kind: "bodies", slugs, ends, bytes: buffer, removed, references }, [buffer, ends.buffer]);
  };

  const first = input.first.filter((slug) => bySlug.has(slug));
  for (let i = 0; i < first.length; i += CHUNK) sendBodies(first.slice(i, i + CHUNK));

  // Positions rather than slugs: typed arrays move to the main thread without copying, and it looks nothing up by
  // name.
  const position = new Map(items.map((item, i) => [item.slug, i]));
  const sendRelated = (index: RelatedIndex, from: number, to: number) => {
    const lists = items.slice(from, to).map((item) => index.slugs(item.slug).map((slug) => position.get(slug)!));
    const ends = new Uint32Array(lists.length);
    let end = 0;
    lists.forEach((list, i) => (ends[i] = end += list.length));
    const at = new Int32Array(end);
    lists.forEach((list, i) => at.set(list, ends[i]! - list.length));
    send({ kind: "related", from, at, ends }, [at.buffer, ends.buffer]);
  };

  const done = new Set(first);
  const index = input.related ? (await import("../related/engine.ts")).buildRelatedIndex(items) : undefined;
  // Then, chunk by chunk in the order pages are written, the lists and the bodies still to send: on a large archive
  // the lists alone take long enough that pages would otherwise wait for all of them.
  for (let from = 0; from < items.length; from += CHUNK) {
    waitForPages(from);
    const to = Math.min(from + CHUNK, items.length);
    if (index) sendRelated(index, from, to);
    const slugs = items
      .slice(from, to)
      .map((item) => item.slug)
      .filter((slug) => !done.has(slug));
    if (slugs.length > 0) sendBodies(slugs);
    // What the first pages need is sent. The rest is needed only as pages come to it: it yields the second core to
    // the page thread's helpers (thread-priority.ts). Only with related lists: without them the bodies start and
    // end early, and lowering gained nothing (docs/performance.md).
    if (from === 0 && index) lowerThreadPriority();
  }
  send({ kind: "done" });
} catch (error) {
  send({ kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
