/**
 * `npm run test:unit`: the pure tests (tests/unit/) in this one process, not a process per file as `npm test` runs
 * them: Node's start-up and TypeScript loading per file cost more than the tests themselves. Unit tests must pass
 * both ways, so none may leave state behind for the next file. (Through node:test's run() rather than
 * `node --test --test-isolation=none`, which leaves a glob in process.argv[1] where Sass's package importer expects
 * the script's path.)
 */
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { UNIT_TESTS } from "./test.ts";

const stream = run({ globPatterns: [UNIT_TESTS], isolation: "none" });
stream.on("test:fail", () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
