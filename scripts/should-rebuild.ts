/**
 * Should the scheduled-publish workflow rebuild the site? node scripts/should-rebuild.ts <build.json> [--now=ISO]
 * Reads the live site's /build.json (saved to a file by the workflow), prints "true" or "false" on stdout and the
 * reason on stderr, and exits 0; exits 2 with a message when the record cannot be read. --now is for tests.
 *
 * Node's own modules and lib/content/schedule.ts only: the workflow runs this without installing packages.
 */
import fs from "node:fs";
import { decideRebuild, parseBuildRecord } from "../lib/content/schedule.ts";

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = "usage: node scripts/should-rebuild.ts <build.json> [--now=2027-03-07T00:15:00Z]";

export function runShouldRebuild(args: readonly string[], clock: () => number = Date.now, readFile = (file: string) => fs.readFileSync(file, "utf8")): ScriptResult {
  const files = args.filter((arg) => !arg.startsWith("--"));
  const nowArg = args.find((arg) => arg.startsWith("--now="));
  const unknown = args.filter((arg) => arg.startsWith("--") && !arg.startsWith("--now="));
  if (files.length !== 1 || unknown.length > 0) return { code: 2, stdout: "", stderr: `${USAGE}\n` };
  const now = nowArg ? Date.parse(nowArg.slice("--now=".length)) : clock();
  if (Number.isNaN(now)) return { code: 2, stdout: "", stderr: `${nowArg} is not a date: ${USAGE}\n` };
  let text: string;
  try {
    text = readFile(files[0]!);
  } catch (error) {
    return { code: 2, stdout: "", stderr: `should-rebuild: cannot read ${files[0]}: ${(error as Error).message}\n` };
  }
  try {
    const decision = decideRebuild(parseBuildRecord(text), now);
    return { code: 0, stdout: `${decision.rebuild}\n`, stderr: `should-rebuild: ${decision.rebuild ? "rebuild" : "no rebuild"}: ${decision.reason}\n` };
  } catch (error) {
    return { code: 2, stdout: "", stderr: `should-rebuild: ${(error as Error).message}\n` };
  }
}

if (import.meta.main) {
  const result = runShouldRebuild(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exit(result.code);
}
