import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { isUrl } from "../ingest/fetch.js";

/** Where -o may not write, and why: a message for the one line on stderr, or null when it may. */
export function outputProblem(output: string, inputs: readonly string[]): string | null {
  const folder = dirname(resolve(output));
  if (!existsSync(folder)) return `cannot write ${output}: the folder ${dirname(output)} does not exist`;
  if (!statSync(folder).isDirectory()) return `cannot write ${output}: ${dirname(output)} is not a folder`;
  // the real path, links resolved, so that a link or a second spelling of an input is caught too
  const target = existsSync(output) ? realpathSync(output) : join(realpathSync(folder), basename(output));
  for (const input of inputs) {
    if (input === "-" || isUrl(input) || !existsSync(input)) continue;
    const real = realpathSync(input);
    if (target === real) return `refusing to write ${output}: it is one of the inputs (${input}), and would replace it`;
    if (statSync(real).isDirectory() && target.startsWith(real.endsWith(sep) ? real : real + sep)) {
      return `refusing to write ${output}: it is inside the input folder ${input}, and would be read as an article next time`;
    }
  }
  return null;
}
