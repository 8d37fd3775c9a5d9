import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSourceFile } from "../../../lib/content/load.ts";
import type { SourceFile } from "../../../lib/content/model.ts";

/** Parse a file's text exactly as the build does, by writing it to a temporary folder. */
export function readSourceFileFromText(name: string, text: string): SourceFile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-src-"));
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const source = readSourceFile(file, root);
  fs.rmSync(root, { recursive: true, force: true });
  return source;
}
