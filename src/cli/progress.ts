/** A stream that may be a terminal, as process.stderr is. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** `total` is left out while it is not known yet (inputs still being read) */
  update(done: number, total?: number): void;
  end(): void;
}

/** Not before a run has lasted this long: a short run shows nothing. */
const DELAY_MS = 1000;
/** Not more often than this: a terminal redrawn per article slows the run it reports on. */
const EVERY_MS = 100;

/** Progress is for a person at a terminal: never on a pipe, a file, a CI log or a dumb terminal. */
export function showsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI !== "false";
  return stream.isTTY === true && !ci && env.TERM !== "dumb";
}

/** "384/496 articles analysed" once the total is known, "384 articles analysed, 52/s" before. */
export function progressText(done: number, total: number | undefined, elapsedMs: number, noun: string): string {
  if (total !== undefined) return `factcheck: ${done}/${total} ${noun}`;
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  return `factcheck: ${done} ${noun}, ${rate}/s`;
}

/**
 * One progress line on `stream`, redrawn in place, and cleared at the end so that nothing of it
 * stays above the report. It shows only on a terminal and only once a run has lasted a second.
 */
export function progress(stream: ProgressStream, env: NodeJS.ProcessEnv, noun = "articles analysed", now: () => number = Date.now): Progress {
  const started = now();
  let shown = false;
  let drawn = 0;
  if (!showsProgress(stream, env)) return { update: () => undefined, end: () => undefined };
  return {
    update: (done, total) => {
      const at = now();
      if (at - started < DELAY_MS || (at - drawn < EVERY_MS && done !== total)) return;
      drawn = at;
      shown = true;
      // one line, never wrapped: a wrapped line could not be redrawn in place
      const line = progressText(done, total, at - started, noun).slice(0, Math.max(10, (stream.columns || 80) - 1));
      stream.write(`\r\x1b[K${line}`);
    },
    end: () => {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
