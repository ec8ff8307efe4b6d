import type { Command } from "commander";
import { existsSync } from "node:fs";
import { distance } from "fastest-levenshtein";

/** Where the first argument that is not an option or an option's value is: where a command name would be. */
function firstOperand(argv: readonly string[], program: Command): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // after "--" every argument is an input, whatever it is named
    if (arg === "--") return argv.length;
    if (!arg.startsWith("-") || arg === "-") return i;
    if (arg.includes("=")) continue;
    const option = program.options.find((o) => o.short === arg || o.long === arg);
    if (option && (option.required || option.optional)) i++;
  }
  return argv.length;
}

/** The command names nearest a mistyped one, nearest first. */
function nearest(word: string, names: readonly string[]): string | undefined {
  const near = names.map((name) => ({ name, far: distance(word.toLowerCase(), name) })).filter((n) => n.far <= 2);
  return near.sort((a, b) => a.far - b.far || (a.name < b.name ? -1 : 1))[0]?.name;
}

/**
 * "factcheck chek" is a mistyped command, not an input named "chek": the message that says so, or
 * undefined. Only a bare word close to a command's name counts, and only when no file or folder
 * of that name exists: a real input named like a command is still read. "help chek" too.
 */
export function commandSuggestion(argv: readonly string[], program: Command): string | undefined {
  const at = firstOperand(argv, program);
  const word = argv[at];
  const names = program.commands.map((c) => c.name());
  if (word === "help" && argv[at + 1] !== undefined && !names.includes(argv[at + 1]!)) {
    const asked = argv[at + 1]!;
    const near = nearest(asked, names);
    return `'${asked}' is not a command (${near ? `did you mean ${near}?` : `the commands: ${names.join(", ")}`})`;
  }
  if (word === undefined || !/^[a-z][a-z-]{2,}$/i.test(word) || existsSync(word) || names.includes(word) || word === "help") return undefined;
  const near = nearest(word, [...names, "help"]);
  return near ? `'${word}' is not a command, file or folder (did you mean ${near}?)` : undefined;
}

/**
 * commander's message as one line: its suggestion ("\n(Did you mean --output?)") joined to the
 * line it belongs to; a pointer to --help only where there is no suggestion.
 */
export function oneLineError(message: string): string {
  const line = message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\(Did you mean/, "(did you mean").trim();
  return /\(did you mean /.test(line) ? line : `${line} (see factcheck --help)`;
}
