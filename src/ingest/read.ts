import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";

/** One input text as read from disk or stdin, before it is understood as an article. */
export interface InputText {
  id: string;
  path: string;
  text: string;
}

export interface ReadResult {
  inputs: InputText[];
  /** files that could not be read, each named: the run goes on without them */
  warnings: string[];
}

const READABLE = new Set([".txt", ".md", ".markdown", ".text", ""]);

/** Posix path relative to the working directory, so the same file given two ways reads the same. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  const shown = rel === "" ? "." : rel.startsWith("..") ? resolve(path) : rel;
  return shown.split(sep).join("/");
}

async function listFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFolder(full)));
    else if (entry.isFile() && READABLE.has(extname(entry.name).toLowerCase()) && extname(entry.name) !== "") files.push(full);
  }
  return files;
}

export function decode(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return decode(Buffer.concat(chunks));
}

/**
 * Reads every input: files, folders (recursively, their .txt and .md files) and "-" for stdin.
 * A source's id is its path relative to the folder it was found in, or the file path as given.
 */
export async function readInputs(paths: readonly string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<ReadResult> {
  const inputs: InputText[] = [];
  const warnings: string[] = [];
  for (const given of paths) {
    if (given === "-") {
      inputs.push({ id: "<stdin>", path: "<stdin>", text: await readStdin(stdin) });
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch {
      warnings.push(`${given}: no such file or folder`);
      continue;
    }
    const files = info.isDirectory() ? await listFolder(given) : [given];
    if (info.isDirectory() && files.length === 0) warnings.push(`${given}: no .txt or .md files in this folder`);
    for (const file of files) {
      try {
        const text = decode(await readFile(file));
        const id = info.isDirectory() ? relative(given, file).split(sep).join("/") : displayPath(file);
        inputs.push({ id, path: displayPath(file), text });
      } catch (error) {
        warnings.push(`${displayPath(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
  }
  // one file reached twice (a folder and a file inside it) is one source
  const seen = new Set<string>();
  const unique = inputs.filter((input) => (seen.has(input.path) ? false : (seen.add(input.path), true)));
  unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : 1));
  return { inputs: unique, warnings };
}
