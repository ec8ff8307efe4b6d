#!/usr/bin/env node
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const argv = process.argv.slice(2);

/** The file `-o FILE`, `-oFILE`, `--output FILE` or `--output=FILE` names; the last one wins, as in commander. */
function outputOf(args) {
  let output;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") break;
    if (arg === "-o" || arg === "--output") output = args[++i];
    else if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg.startsWith("-o") && arg.length > 2 && !arg.startsWith("--")) output = arg.slice(2);
  }
  return output;
}

/**
 * The report is written to a temporary sibling of --output and renamed over it, so an interrupted
 * run leaves the previous report whole; the temporary file (the name cli/index.ts writeAtomically
 * gives it) is removed here.
 */
function removeTemporary() {
  const output = outputOf(argv);
  if (!output) return;
  try {
    rmSync(join(dirname(output), `.${basename(output)}.${process.pid}.tmp`), { force: true });
  } catch {
    // nothing more can be done on the way out
  }
}

/** Interrupted (Ctrl-C, kill): no stack trace, no half-written file, the shell's status for the signal. */
function interrupted(status) {
  removeTemporary();
  process.exit(status);
}
process.on("SIGINT", () => interrupted(130));
process.on("SIGTERM", () => interrupted(143));
process.on("SIGHUP", () => interrupted(129));

// The reader went away (`factcheck … | head`): there is no one left to tell, so end quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  try {
    process.stderr.write(`factcheck: cannot write the report (${error.code ?? error.message})\n`);
  } finally {
    process.exit(2);
  }
});
// stderr gone as well: nowhere left to report anything
process.stderr.on("error", () => undefined);

/** A last resort outside main(), which catches its own errors: one line, the stack only with --debug. */
function fatal(error) {
  removeTemporary();
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`factcheck: internal error: ${message}\n`);
  if (argv.includes("--debug") && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
}
process.on("uncaughtException", fatal);
process.on("unhandledRejection", fatal);

// the program is loaded only now, after the handlers above: a signal that comes while it loads is ours too
const { main } = await import("../dist/cli/index.js");
process.exitCode = await main(argv);
