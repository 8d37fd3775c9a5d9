/**
 * Render-ahead: item bodies, related-articles lists and the stylesheet computed in a worker thread, in
 * parallel with Eleventy.
 *
 * Saves: the Markdown rendering and the related-articles engine on the page thread, which were a large share of
 * a big build; measured in docs/performance.md (npm run bench). Eleventy renders pages on one thread. Both depend
 * only on the content model, which is complete before Eleventy reads a template, so a worker
 * (render-ahead-worker.ts) does them on the second core while Eleventy prepares and renders. Eleventy's filters are synchronous, so a page that needs a result the worker has not sent yet waits
 * for it (Atomics.wait on a shared counter, then receiveMessageOnPort): results arrive in the order pages need
 * them, so waits are short.
 *
 * If the worker fails, or sends nothing for WAIT_LIMIT_MS, every lookup answers undefined and the caller
 * computes the result itself on the main thread: slower, never wrong.
 *
 * Bodies come sanitised (lib/content/sanitise.ts), each with what the sanitiser removed from it, so that the
 * build can fail on a body problem as the main thread would. The plain twin is the main thread's own rendering
 * (GOVNEWS_RENDER_AHEAD=off): tests/build/deterministic.test.ts checks both build the same site.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { ArticleSummary } from "../related/engine.ts";
import type { SiteData } from "../content/schema.ts";
import type { StylesheetSource } from "../eleventy/stylesheet.ts";
import type { BodyRemoval } from "../content/sanitise.ts";
import type { BodyReferences } from "../content/body-links.ts";

/**
 * An item as the worker is given it: without its body, which the worker reads from the item's file itself when it
 * needs it (for the related lists' term counts, then to render it), so that no thread holds every body of a large
 * archive at once, and none is copied between threads.
 */
export type RenderAheadItem = Omit<ArticleSummary, "body"> & { file: string };

export interface RenderAheadInput {
  /** Published items, in the order their pages are written (newest first). */
  items: RenderAheadItem[];
  /** The project root the items' files are relative to. */
  root: string;
  /** Slugs whose bodies are needed first: the items in feeds, which Eleventy renders before pages. */
  first: string[];
  /** Whether to compute related-articles lists. */
  related: boolean;
  /** Site data: the Markdown options come from it, as for the GOV.UK plugin. */
  site: SiteData;
  /** The stylesheet to compile, if any. */
  stylesheet?: StylesheetSource;
}

export type RenderAheadMessage =
  /**
   * `removed`: for the bodies the sanitiser changed (most have nothing), their index in `slugs` and what it removed;
   * `references`: likewise for the bodies with links or images, what they point at.
   */
  | { kind: "bodies"; slugs: string[]; ends: Uint32Array; bytes: ArrayBuffer; removed: Array<[number, BodyRemoval[]]>; references: Array<[number, BodyReferences]> }
  /**
   * The lists of the items at positions from .. from + ends.length, as positions in `items`: item from + i's list
   * is at[ends[i - 1] ?? 0 .. ends[i]). Sent in chunks, in page order, so that pages need not wait for every list.
   */
  | { kind: "related"; from: number; at: Int32Array; ends: Uint32Array }
  | { kind: "stylesheet"; css?: string }
  | { kind: "error"; message: string }
  | { kind: "done" };

/**
 * Slots of the shared counters: messages the worker has sent, and the furthest item (its position) this thread has
 * asked for, which the worker sends no further than a little beyond.
 */
export const SENT = 0;
export const PROGRESS = 1;

export interface RenderAheadWorkerData {
  input: RenderAheadInput;
  signal: SharedArrayBuffer;
}

export interface RenderAhead {
  /** An item's rendered body; undefined when the worker cannot provide it (render it yourself). */
  body(slug: string): string | undefined;
  /** As body(), and forgets it: for the item's own page, its last use. */
  takeBody(slug: string): string | undefined;
  /**
   * What the sanitiser removed from an item's body ([] for nearly all); undefined when the worker has not
   * rendered it (the caller then renders it itself). Asked after body(), it does not wait.
   */
  removed(slug: string): BodyRemoval[] | undefined;
  /**
   * What the sanitiser removed from each body the worker rendered, once it has rendered all it can (it waits):
   * every slug it rendered is a key. Items missing from it the caller must render itself.
   */
  allRemoved(): ReadonlyMap<string, BodyRemoval[]>;
  /**
   * The links and images of an item's body (empty lists for most); undefined when the worker has not rendered it.
   * Asked after body(), it does not wait.
   */
  references(slug: string): BodyReferences | undefined;
  /**
   * The related items for the item at `position` in the input's items, best first, as positions in the same
   * items; undefined when the worker cannot provide them.
   */
  related(position: number): Int32Array | undefined;
  /** The compiled stylesheet; undefined when the worker cannot provide it (compile it yourself). */
  stylesheet(): string | undefined;
  /** Ends the worker (a rebuild starts a new one). */
  stop(): void;
}

const NO_REFERENCES: BodyReferences = Object.freeze({ links: [], images: [] }) as BodyReferences;

/** Longest wait for the worker's next message before falling back to the main thread. */
const WAIT_LIMIT_MS = 60_000;

export function startRenderAhead(input: RenderAheadInput, onProblem: (message: string) => void = console.warn): RenderAhead {
  const signal = new SharedArrayBuffer(8);
  const counter = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./render-ahead-worker.ts", import.meta.url), {
    workerData: { input, signal, port: port2 } satisfies RenderAheadWorkerData & { port: MessagePort },
    transferList: [port2],
  });
  // Never keeps the build's process alive, and its failures surface as messages (or the wait limit).
  worker.unref();
  worker.on("error", () => {});
  const positions = new Map(input.items.map((item, i) => [item.slug, i]));
  // Sent before anything else, however far the pages have come.
  const sentFirst = new Set(input.first);
  /** Tells the worker how far pages have come. */
  const reach = (position: number) => {
    if (position <= Atomics.load(counter, PROGRESS)) return;
    Atomics.store(counter, PROGRESS, position);
    Atomics.notify(counter, PROGRESS);
  };

  const wantsRelated = input.related;
  const hasStylesheet = input.stylesheet !== undefined;
  const bodies = new Map<string, { bytes: Buffer; start: number; end: number }>();
  // Every slug whose body has arrived (taken or not), and what the sanitiser removed from the few it changed.
  const rendered = new Set<string>();
  const removals = new Map<string, BodyRemoval[]>();
  const pointers = new Map<string, BodyReferences>();
  // The lists' chunks as they arrive, and how many items' lists have arrived (chunks come in order).
  const relatedChunks: Array<{ from: number; at: Int32Array; ends: Uint32Array }> = [];
  let relatedCount = 0;
  let css: { css?: string } | undefined;
  let received = 0;
  let finished = false;

  const accept = (message: RenderAheadMessage) => {
    received++;
    if (message.kind === "bodies") {
      const bytes = Buffer.from(message.bytes);
      message.slugs.forEach((slug, i) => {
        bodies.set(slug, { bytes, start: i === 0 ? 0 : message.ends[i - 1]!, end: message.ends[i]! });
        rendered.add(slug);
      });
      for (const [i, removed] of message.removed) removals.set(message.slugs[i]!, removed);
      for (const [i, found] of message.references) pointers.set(message.slugs[i]!, found);
    } else if (message.kind === "related") {
      relatedChunks.push({ from: message.from, at: message.at, ends: message.ends });
      relatedCount = message.from + message.ends.length;
    } else if (message.kind === "stylesheet") {
      css = { css: message.css };
    } else if (message.kind === "error") {
      finished = true;
      onProblem(`govnews: the render-ahead worker failed; rendering on the main thread instead.\n${message.message}`);
    } else {
      finished = true;
    }
  };
  const drain = () => {
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) accept(message.message as RenderAheadMessage);
  };
  /** Receives messages until `ready()` or the worker has nothing more to send. */
  const waitUntil = (ready: () => boolean) => {
    drain();
    while (!ready() && !finished) {
      if (Atomics.wait(counter, SENT, received, WAIT_LIMIT_MS) === "timed-out") {
        finished = true;
        onProblem(`govnews: the render-ahead worker sent nothing for ${WAIT_LIMIT_MS / 1000} s; rendering on the main thread instead.`);
        void worker.terminate();
        break;
      }
      drain();
    }
  };

  const body = (slug: string, forget: boolean) => {
    // Not an item the worker was given (a draft in a deploy preview): never sent.
    const position = positions.get(slug);
    if (position === undefined) return undefined;
    // An item's own page (its body taken) comes in page order, and says how far pages have come. A feed's use of a
    // body says nothing of that: one of the bodies sent first (the feeds') comes anyway, and only another that is
    // not here yet needs the worker to go as far.
    if (!forget) drain();
    // Taken already (its own page was written first): the worker sends each body once.
    if (rendered.has(slug) && !bodies.has(slug)) return undefined;
    if (forget || !(bodies.has(slug) || sentFirst.has(slug))) reach(position);
    waitUntil(() => bodies.has(slug));
    const found = bodies.get(slug);
    if (!found) return undefined;
    if (forget) bodies.delete(slug);
    return found.bytes.toString("utf8", found.start, found.end);
  };

  return {
    body: (slug) => body(slug, false),
    takeBody: (slug) => body(slug, true),
    removed: (slug) => (rendered.has(slug) ? (removals.get(slug) ?? []) : undefined),
    allRemoved() {
      reach(input.items.length);
      waitUntil(() => false);
      return new Map([...rendered].map((slug) => [slug, removals.get(slug) ?? []]));
    },
    references: (slug) => (rendered.has(slug) ? (pointers.get(slug) ?? NO_REFERENCES) : undefined),
    related(position) {
      if (!wantsRelated) return undefined;
      if (!(position >= 0 && position < input.items.length)) return undefined;
      reach(position);
      waitUntil(() => relatedCount > position);
      if (relatedCount <= position) return undefined;
      // Chunks hold equal runs of items but the last: a division finds the one that holds `position`.
      const chunk = relatedChunks[Math.floor(position / relatedChunks[0]!.ends.length)]!;
      const i = position - chunk.from;
      return chunk.at.subarray(i === 0 ? 0 : chunk.ends[i - 1]!, chunk.ends[i]!);
    },
    stylesheet() {
      if (!hasStylesheet) return undefined;
      waitUntil(() => css !== undefined);
      return css?.css;
    },
    stop() {
      finished = true;
      port1.close();
      void worker.terminate();
    },
  };
}
