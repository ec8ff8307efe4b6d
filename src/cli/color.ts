import { supportsColor } from "chalk";

/**
 * The colour level for stdout. chalk ignores NO_COLOR by design, so it is read here:
 * --no-color and NO_COLOR turn colour off, FORCE_COLOR turns it on even on a pipe,
 * and otherwise colour is used only on a terminal.
 */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  // a flag on the command line outranks the environment (no-color.org)
  if (flag === true) return supportsColor ? supportsColor.level || 1 : 1;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") {
    if (force === "0" || force === "false") return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  if (!isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}
