import { Command, CommanderError, Option } from "commander";
import { writeFile } from "node:fs/promises";
import { factcheck } from "../index.js";
import type { Report } from "../model/report.js";
import { formatJson } from "../report/json.js";
import { formatPretty } from "../report/pretty.js";
import { VERSION } from "../version.js";
import { colorLevel } from "./color.js";

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const EXAMPLES = `
Examples:
  $ factcheck seeds/                          report on every .txt and .md file in seeds/
  $ factcheck seeds/ --json | jq '.findings[] | select(.kind == "contradiction")'
  $ factcheck a.txt b.md - < c.txt            files, and one article on stdin
  $ factcheck seeds/ --fail-on error          exit 1 when sources contradict each other

Exit status: 0 ran, 1 findings at or above --fail-on, 2 could not run.`;

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

/** Did the report reach the --fail-on level? */
function fails(report: Report, failOn: string): boolean {
  if (failOn === "off") return false;
  const threshold = SEVERITY_RANK[failOn as "warning" | "error"];
  return report.findings.some((f) => f.kind !== "agreement" && SEVERITY_RANK[f.severity] >= threshold);
}

/** Runs the command line and returns the exit code; it never calls process.exit. */
export async function main(argv: readonly string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  const program = new Command();
  let debug = argv.includes("--debug");
  program
    .name("factcheck")
    .description("Compare news articles about the same events: what the sources agree on, where they contradict each other, and which figures rest on one source alone.")
    .version(VERSION, "-V, --version", "print the version")
    .argument("<inputs...>", "article files (.txt, .md), folders (read recursively) or - for stdin")
    .addOption(new Option("-f, --format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .option("--json", "same as --format json")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this severity").choices(["error", "warning", "off"]).default("off"))
    .option("--color", "force colour")
    .option("--no-color", "no colour, even on a terminal")
    .option("--debug", "show stack traces of internal errors")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true);

  let options: { format: string; json?: boolean; output?: string; failOn: string; color?: boolean; debug?: boolean };
  try {
    program.parse(argv, { from: "user" });
    options = program.opts();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      io.stderr.write(`factcheck: ${error.message.replace(/^error: /, "")} (see factcheck --help)\n`);
      return 2;
    }
    throw error;
  }
  debug = options.debug ?? false;
  const format = options.json ? "json" : options.format;
  try {
    const report = await factcheck(program.args, { stdin: io.stdin });
    for (const warning of report.warnings ?? []) io.stderr.write(`factcheck: warning: ${warning}\n`);
    if (report.sources.length === 0) {
      io.stderr.write(`factcheck: no readable input in ${program.args.join(" ")}\n`);
      return 2;
    }
    const text =
      format === "json"
        ? formatJson(report)
        : formatPretty(report, {
            colorLevel: options.output ? 0 : colorLevel(options.color, io.env, io.stdout.isTTY === true),
            width: io.stdout.columns ?? 100,
          });
    if (options.output) {
      try {
        await writeFile(options.output, text);
      } catch (error) {
        io.stderr.write(`factcheck: cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? "error"})\n`);
        return 2;
      }
    }
    else io.stdout.write(text);
    return fails(report, options.failOn) ? 1 : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`factcheck: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
