#!/usr/bin/env node
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

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

// The run is on a worker thread (dist/cli/thread.js), and this thread only passes its output on:
// a signal is handled here at once, even while the run is busy for minutes in one synchronous
// call (a huge article, a library in a loop), which would starve a handler on the same thread.
const worker = new Worker(new URL("../dist/cli/thread.js", import.meta.url), {
  workerData: { argv, stdoutIsTTY: process.stdout.isTTY === true, columns: process.stdout.columns, stderrIsTTY: process.stderr.isTTY === true },
  stdin: true,
  stdout: true,
  stderr: true,
});
worker.stdout.pipe(process.stdout);
worker.stderr.pipe(process.stderr);
let status;
worker.on("message", (message) => {
  // the run reads stdin only when asked to ("-"): reading it otherwise would wait on the terminal
  if (message.stdin) process.stdin.pipe(worker.stdin);
  // its output is all here: the thread may still hold a handle (stdin), so it is ended
  if ("code" in message) {
    status = message.code;
    void worker.terminate();
  }
});
worker.on("error", fatal);
worker.on("exit", () => {
  process.stdin.unpipe(worker.stdin);
  process.stdin.destroy();
  process.exitCode = status ?? 2;
});
