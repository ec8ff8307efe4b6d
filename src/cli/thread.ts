import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { main } from "./index.js";

/**
 * The command line, run on a worker thread that bin/factcheck.js starts. Its main thread does no
 * work of its own, so it hears SIGINT and SIGTERM at once, whatever a run is doing (a long
 * synchronous extraction, a library caught in a loop), and ends the process within a moment.
 */

/** What only the main thread can see of the terminal: a worker's stdout and stderr are pipes to it. */
export interface ThreadData {
  argv: string[];
  stdoutIsTTY: boolean;
  columns: number | undefined;
  stderrIsTTY: boolean;
}

/**
 * stdin, asked of the main thread only once something reads it: reading the terminal or a pipe
 * no one needs would wait for input that never comes.
 */
function lazyStdin(): Readable {
  let started = false;
  const stdin: Readable = new Readable({
    read() {
      if (started) return void process.stdin.resume();
      started = true;
      parentPort!.postMessage({ stdin: true });
      process.stdin.on("data", (chunk: Buffer) => {
        if (!stdin.push(chunk)) process.stdin.pause();
      });
      process.stdin.on("end", () => stdin.push(null));
      process.stdin.on("error", (error) => stdin.destroy(error));
    },
  });
  return stdin;
}

/** Resolves once everything written to the stream has reached the main thread. */
const flushed = (stream: NodeJS.WritableStream) => new Promise<void>((resolve) => stream.end(resolve));

async function run(data: ThreadData): Promise<void> {
  const stdout = Object.assign(process.stdout, { isTTY: data.stdoutIsTTY, columns: data.columns });
  const stderr = Object.assign(process.stderr, { isTTY: data.stderrIsTTY });
  const code = await main(data.argv, { stdout, stderr, stdin: lazyStdin(), env: process.env });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  parentPort!.postMessage({ code });
}

if (parentPort) await run(workerData as ThreadData);
