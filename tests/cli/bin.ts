import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { expect } from "vitest";

/** The real bin (node bin/factcheck.js, on dist/), run from any folder. */
const BIN = resolve("bin/factcheck.js");
const STACK = /^ {4}at /m;

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The child's colour and config come only from what a test gives it. */
function childEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...env } = process.env;
  return env;
}

export function bin(args: readonly string[], options: { cwd?: string; input?: string | Buffer } = {}): Exit {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), input: options.input ?? "", encoding: "utf8", env: childEnv() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const lines = (text: string) => text.split("\n").filter((line) => line !== "");

/** exit 2, nothing on stdout, and one line on stderr that matches, with no stack trace */
export function expectRefused(exit: Exit, line: RegExp): void {
  expect(exit.code).toBe(2);
  expect(exit.stdout).toBe("");
  expect(lines(exit.stderr)).toHaveLength(1);
  expect(exit.stderr.trimEnd()).toMatch(line);
  expect(exit.stderr).not.toMatch(STACK);
}
