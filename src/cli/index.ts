import { Command, CommanderError, Option } from "commander";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname, basename, join, resolve } from "node:path";
import { check, factcheck, readAndExtract, readFacts, reconcileRecords, UnreadableInputError } from "../index.js";
import { readRecords } from "./records.js";
import { addTitles } from "../extract/people.js";
import { addHedges } from "../extract/hedges.js";
import type { Report } from "../model/report.js";
import { addExclusiveOffices } from "../reconcile/compatible.js";
import { FORMATS, type FormatName } from "../report/index.js";
import { jsonChunks, safeJson } from "../report/json.js";
import { safeText } from "../report/safe.js";
import { VERSION } from "../version.js";
import { colorLevel } from "./color.js";
import { commandSuggestion, oneLineError } from "./suggest.js";
import { progress } from "./progress.js";
import { defaultJobs } from "../extract/pool.js";
import { findConfig, loadConfig, resolveConfig, type ResolvedConfig } from "./config.js";
import { outputProblem } from "./output.js";
import { fails, type FailOn } from "../report/gate.js";

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const EXAMPLES = `
Examples:
  $ factcheck seeds/                          report on every article in seeds/
  $ factcheck seeds/ --json | jq '.findings[] | select(.kind == "contradiction")'
  $ factcheck a.txt b.md - < c.txt            files, and one article on stdin
  $ factcheck seeds/ --format unix            one line per problem: file:line:col: severity: message
  $ factcheck seeds/ --format html -o report.html   a page to open in a browser
  $ factcheck seeds/ --fail-on error          exit 1 when sources contradict each other
  $ factcheck check draft.md --against seeds/ the pre-publish gate (see factcheck check --help)

Exit status: 0 ran, 1 findings at or above --fail-on, 2 could not run.`;

const CHECK_EXAMPLES = `
Examples:
  $ factcheck check draft.md --against seeds/
  $ factcheck check draft.md --against seeds/ --facts facts.json --format sarif -o factcheck.sarif
  $ cat draft.md | factcheck check - --stdin-filename draft.md --against seeds/
  $ factcheck check draft.md --against seeds/ --unsupported off --verbose

Exit status: 0 the draft passes, 1 findings at or above --fail-on (default: error), 2 could not run.`;

/** --max-file-size in bytes, with an optional k/M/G suffix. */
function maxFileSizeOf(value: string): number {
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size takes a size in bytes (e.g. 5M), not "${value}"`);
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? "").charAt(0).toLowerCase() as "k" | "m" | "g"] ?? 1;
  return Number(m[1]) * scale;
}

interface CommonOptions {
  format: string;
  json?: boolean;
  output?: string;
  failOn: string;
  facts?: string;
  config?: string;
  quiet?: boolean;
  maxWarnings?: string;
  jobs?: string;
  maxFileSize?: string;
  color?: boolean;
  debug?: boolean;
  /** the main command: also list the possible discrepancies; check: also its supported claims */
  verbose?: boolean;
}

interface CheckFlags extends CommonOptions {
  against: string[];
  unsupported: "error" | "warning" | "off";
  verbose?: boolean;
  stdinFilename?: string;
}

class UsageError extends Error {}

function addCommonOptions(command: Command, failOnDefault: "error" | "off"): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(FORMATS)).default("pretty"))
    .option("--json", "same as --format json")
    .option("-o, --output <file>", "write the report to a file (atomically) instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this severity").choices(["error", "warning", "off"]).default(failOnDefault))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("-q, --quiet", "report errors only")
    .option("--facts <file>", "a reference facts file (JSON): a trusted source")
    .option("-c, --config <file>", `config file (default: the nearest ${"factcheck.config.json"} upward)`)
    .option("--color", "force colour")
    .option("--no-color", "no colour, even on a terminal")
    .option("-j, --jobs <n>", "extraction threads (default: the number of cores)")
    .option("--max-file-size <bytes>", "skip files larger than this (default: 10 MiB)")
    .option("--debug", "show stack traces of internal errors");
}

/** --jobs as a whole number of threads, the core count by default. */
function jobsOf(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number of threads, not "${value}"`);
  return n;
}

/** The width the pretty report fits: the terminal's, else $COLUMNS (as a shell sets it), else 80. */
function terminalWidth(io: CliIO): number {
  const columns = Number(io.env.COLUMNS);
  return io.stdout.columns || (Number.isInteger(columns) && columns > 0 ? columns : 80);
}

/** Did the report reach the --fail-on level, or exceed --max-warnings? */
function exitCode(report: Report, failOn: FailOn, maxWarnings: number | undefined): number {
  return fails(report.findings, failOn, maxWarnings) ? 1 : 0;
}

/** Refuses, before any reading, an -o that cannot be written or would overwrite or feed an input. */
function checkOutput(output: string | undefined, inputs: readonly string[]): void {
  const problem = output === undefined ? null : outputProblem(output, inputs);
  if (problem) throw new UsageError(problem);
}

/** Writes pieces of text to a stream in batches, waiting when the stream asks to. */
async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let batch = "";
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < 1 << 20) continue;
    if (!stream.write(batch)) await new Promise((resolve) => stream.once("drain", resolve));
    batch = "";
  }
  if (batch) stream.write(batch);
}

/** Writes through a temporary file and a rename, so an interrupted run never leaves half a report. */
async function writeAtomically(path: string, pieces: Iterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const out = createWriteStream(temporary);
    await writePieces(out, pieces);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** -o: written atomically; a failure is one line naming the file. */
async function writeOutput(path: string, pieces: Iterable<string>): Promise<void> {
  try {
    await writeAtomically(path, pieces);
  } catch (error) {
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Applies a config file's lexicon additions; returns it for its defaults, paths resolved against its folder. */
function applyConfig(path: string | undefined): ResolvedConfig {
  if (!path) return {};
  const config = loadConfig(path);
  if (config.lexicon?.titles) addTitles(config.lexicon.titles);
  if (config.lexicon?.hedges) addHedges(config.lexicon.hedges);
  if (config.lexicon?.exclusiveOffices) addExclusiveOffices(config.lexicon.exclusiveOffices);
  return resolveConfig(config, path);
}

/** Runs the command line and returns the exit code; it never calls process.exit. */
export async function main(argv: readonly string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  const debug = argv.includes("--debug");
  let code = 0;
  const program = new Command();
  const configureOutput = (command: Command) =>
    command.exitOverride().configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: () => undefined, outputError: () => undefined });

  /** Shared tail of the commands: options from flags over config, the report, its output and exit code. */
  const finish = async (command: Command, inputs: readonly string[], run: (config: ResolvedConfig) => Promise<Report>) => {
    const options = command.opts<CommonOptions>();
    const config = applyConfig(findConfig(options.config));
    // the facts file is an input too: -o must not replace it
    const factsFile = options.facts ?? config.facts;
    checkOutput(options.output, factsFile ? [...inputs, factsFile] : inputs);
    const source = (name: string) => command.getOptionValueSource(name);
    const format = (options.json ? "json" : source("format") === "default" && config.format ? config.format : options.format) as FormatName;
    const failOn = (source("failOn") === "default" && config.failOn ? config.failOn : options.failOn) as FailOn;
    const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
    if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}"`);
    let report = await run(config);
    // nothing readable is one line that says why; otherwise each warning is a line of its own
    if (report.sources.filter((s) => !s.draft && s.title !== "reference facts").length === 0) {
      throw new UsageError(`no readable input in ${command.args.join(" ") || "the inputs given"}${report.warnings?.length ? ` (${report.warnings.join("; ")})` : ""}`);
    }
    // one input read twice (a draft that is also among its sources) warns once
    for (const warning of new Set(report.warnings ?? [])) io.stderr.write(`factcheck: warning: ${safeText(warning)}\n`);
    if (options.quiet) report = { ...report, findings: report.findings.filter((f) => f.severity === "error") };
    // JSON goes out an item at a time; the other formats are one string
    const pieces: Iterable<string> =
      format === "json"
        ? jsonChunks(report)
        : [FORMATS[format](report, { colorLevel: options.output ? 0 : colorLevel(options.color, io.env, io.stdout.isTTY === true), width: terminalWidth(io), terminal: !options.output && io.stdout.isTTY === true, verbose: options.verbose === true, gate: { failOn, maxWarnings } })];
    if (options.output) await writeOutput(options.output, pieces);
    else await writePieces(io.stdout, pieces);
    code = exitCode(report, failOn, maxWarnings);
  };

  configureOutput(program)
    .name("factcheck")
    .description("Compare news articles about the same events: what the sources agree on, where they contradict each other, and which figures rest on one source alone.")
    .version(VERSION, "-V, --version", "print the version")
    .argument("<inputs...>", "article files (.txt, .md, .html, .json, .ndjson), folders (read recursively) or - for stdin")
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError(true)
    // options after "check" are check's own, not the main command's
    .enablePositionalOptions()
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      await finish(command, inputs, async (config) => {
        const options = command.opts<CommonOptions & { stdinFilename?: string }>();
        const facts = options.facts ?? config.facts;
        const bar = progress(io.stderr, io.env);
        const report = await factcheck(inputs, {
          stdin: io.stdin,
          jobs: jobsOf(options.jobs),
          onProgress: bar.update,
          ...(options.maxFileSize ? { maxFileSize: maxFileSizeOf(options.maxFileSize) } : {}),
          ...(facts ? { facts } : {}),
          ...(config.ignore ? { ignore: config.ignore } : {}),
          ...(options.stdinFilename ? { stdinFilename: options.stdinFilename } : {}),
        });
        bar.end();
        return report;
      });
    });
  addCommonOptions(program, "off")
    .option("--stdin-filename <name>", "the name an article read from stdin goes by in messages; its extension gives its format")
    .option("--verbose", "also list the possible discrepancies: values that differ but may not be about one event at one time");
  // "factcheck help check" is check's help, not an input named "help"
  program.helpCommand("help [command]", "show the help of a command");

  const checkCommand = configureOutput(new Command("check"))
    .description("Check a draft against its sources before publishing: contradicted claims are errors, claims no source makes are warnings.")
    .argument("<drafts...>", "draft files (.md, .txt, .html) or - for stdin")
    // one value per --against, so that drafts may come after it: `check --against sources/ draft.md`
    .requiredOption("--against <sources>", "the source articles: a file, folder, URL or - (repeat for more)", (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .addOption(new Option("--unsupported <level>", "what a claim no source makes is").choices(["error", "warning", "off"]).default("warning"))
    .option("--verbose", "also list the draft's claims the sources support")
    .option("--stdin-filename <name>", "the name a draft read from stdin goes by; its extension decides its format (without it, stdin is Markdown when it opens with front matter or has # headings)")
    .addHelpText("after", CHECK_EXAMPLES)
    .action(async (drafts: string[], _options: unknown, command: Command) => {
      const flags = command.opts<CheckFlags>();
      await finish(command, [...drafts, ...flags.against], async (config) => {
        const unsupported = command.getOptionValueSource("unsupported") === "default" && config.unsupported ? config.unsupported : flags.unsupported;
        const facts = flags.facts ?? config.facts;
        const size = flags.maxFileSize ? { maxFileSize: maxFileSizeOf(flags.maxFileSize) } : {};
        const bar = progress(io.stderr, io.env);
        const report = await check(drafts, flags.against, { stdin: io.stdin, unsupported, verbose: flags.verbose ?? false, onProgress: bar.update, ...size, ...(facts ? { facts } : {}), ...(config.ignore ? { ignore: config.ignore } : {}), ...(flags.stdinFilename ? { stdinFilename: flags.stdinFilename } : {}) });
        bar.end();
        return report;
      });
    });
  addCommonOptions(checkCommand, "error");
  program.addCommand(checkCommand);

  const extractCommand = configureOutput(new Command("extract"))
    .description("The map: read articles and write one JSON line per article (its claims and what reconcile needs). Pure: one article in, its record out.")
    .argument("<inputs...>", "article files, folders, URLs or - for stdin")
    .option("-o, --output <file>", "write the records to a file (atomically) instead of stdout")
    .option("-j, --jobs <n>", "extraction threads (default: the number of cores)")
    .option("--debug", "show stack traces of internal errors")
    .addHelpText("after", "\nExample:\n  $ factcheck extract seeds/ | factcheck reconcile --json\n  $ ls seeds/*.txt | parallel -j4 factcheck extract {} > claims.ndjson && factcheck reconcile claims.ndjson")
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const options = command.opts<{ output?: string; jobs?: string }>();
      checkOutput(options.output, inputs);
      const bar = progress(io.stderr, io.env);
      const { records, warnings } = await readAndExtract(inputs, { stdin: io.stdin, jobs: jobsOf(options.jobs), onProgress: bar.update });
      bar.end();
      if (records.length === 0) throw new UsageError(`no readable input in ${inputs.join(" ")}${warnings.length ? ` (${warnings.join("; ")})` : ""}`);
      for (const warning of warnings) io.stderr.write(`factcheck: warning: ${safeText(warning)}\n`);
      // one line at a time: the whole output as one string would double a large run's memory
      const lines = (function* () {
        for (const r of records) yield `${safeJson(JSON.stringify(r))}\n`;
      })();
      if (options.output) await writeOutput(options.output, lines);
      else await writePieces(io.stdout, lines);
    });
  program.addCommand(extractCommand);

  const reconcileCommand = configureOutput(new Command("reconcile"))
    .description("The reduce: read the records `factcheck extract` wrote (files or stdin) and write the report, exactly as the one-shot command would.")
    .argument("[records...]", "NDJSON files of records, or - for stdin (the default)")
    .addHelpText("after", "\nExample:\n  $ factcheck extract a/ > a.ndjson; factcheck extract b/ > b.ndjson; factcheck reconcile a.ndjson b.ndjson --format unix")
    .action(async (files: string[], _options: unknown, command: Command) => {
      const given = files.length > 0 ? files : ["-"];
      await finish(command, given, async (config) => {
        const { records, warnings } = await readRecords(given, io.stdin);
        const facts = command.opts<CommonOptions>().facts ?? config.facts;
        // records of ignored files are dropped before the reduce, so they count nowhere
        const kept = config.ignore ? records.filter((r) => !config.ignore!(resolve(r.path.replace(/#[^/]*$/, "")))) : records;
        return reconcileRecords(kept, warnings, facts ? { facts: await readFacts(facts) } : {});
      });
    });
  addCommonOptions(reconcileCommand, "off");
  program.addCommand(reconcileCommand);

  try {
    const typo = commandSuggestion(argv, program);
    if (typo) throw new UsageError(typo);
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      io.stderr.write(`factcheck: ${oneLineError(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`factcheck: ${safeText(message.replace(/\s*\n\s*/g, " "))}\n`);
    if (debug && error instanceof Error && error.stack && !(error instanceof UsageError) && !(error instanceof UnreadableInputError)) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
