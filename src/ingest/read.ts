import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";
import { decode } from "./decode.js";
import { fetchPage, isUrl, type Fetched } from "./fetch.js";
import { readHtml, type HtmlArticle } from "./formats/html.js";
import { readJsonRecords, readNdjsonRecords } from "./formats/records.js";
import { ownOutputKind } from "./own-output.js";

/** One input text as read from disk or stdin, before it is understood as an article. */
export interface InputText {
  id: string;
  path: string;
  text: string;
  /** the headline an HTML page's or a JSON record's metadata gives; `text` then starts with it, on a line of its own */
  title?: string;
  /** YYYY-MM-DD, from an HTML page's meta tags or a JSON record */
  published?: string;
  /** the outlet an HTML page's meta tags or a JSON record name */
  outlet?: string;
  /** the article's address: an HTML page's canonical link, or a JSON record's url */
  url?: string;
}

export interface ReadResult {
  inputs: InputText[];
  /** files that could not be read, each named: the run goes on without them */
  warnings: string[];
}

export interface ReadOptions {
  /** files larger than this many bytes are skipped with a warning; stdin too */
  maxFileSize?: number;
  /** files and folders met in a folder for which this says true (given the absolute path) are not read */
  ignore?: (absolutePath: string) => boolean;
  /** the name stdin goes by (check's --stdin-filename): its id and path, and its extension decides its format */
  stdinName?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** folders nested deeper than this below a folder given are not read */
export const MAX_FOLDER_DEPTH = 64;

/** Extensions a folder is searched for. A file given by name is read whatever its extension. */
const READABLE = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".ndjson"]);

type Format = "text" | "html" | "json" | "ndjson";

function formatOf(file: string): Format | null {
  const ext = extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".json") return "json";
  if (ext === ".ndjson") return "ndjson";
  if (READABLE.has(ext)) return "text";
  return null;
}

/** What text of no known extension (stdin, a file named by hand) holds: an HTML page, JSON records, or plain text. */
function sniff(text: string): Format {
  const head = text.slice(0, 2048).trimStart();
  if (/^(<!doctype html|<html[\s>])/i.test(head) || (head.startsWith("<") && /<(head|body)[\s>]/i.test(head))) return "html";
  if (head.startsWith("{") || head.startsWith("[")) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
      const isObject = (line: string) => {
        try {
          const value: unknown = JSON.parse(line);
          return typeof value === "object" && value !== null && !Array.isArray(value);
        } catch {
          return false;
        }
      };
      if (lines.length > 0 && lines.every(isObject)) return "ndjson";
    }
  }
  return "text";
}

/** Posix path relative to the working directory, so the same file given two ways reads the same. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  const shown = rel === "" ? "." : rel.startsWith("..") ? resolve(path) : rel;
  return shown.split(sep).join("/");
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? "error";

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "FIFO";
  if (info.isCharacterDevice()) return "character device";
  if (info.isBlockDevice()) return "block device";
  if (info.isSocket()) return "socket";
  return "special file";
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

interface Found {
  file: string;
  /** the source's id: its path below the folder it was found in, or as given */
  id: string;
  info: Stats;
}

/** One run of readInputs: what it found, what it warned about, what it has already read. */
class Reader {
  readonly warnings: string[] = [];
  /** device:inode of every file read, so that one file reached two ways is one source */
  private readonly seenFiles = new Set<string>();

  /** `emit` hears of each input as soon as it is read */
  constructor(
    private readonly maxFileSize: number,
    private readonly emit: (input: InputText) => void,
    private readonly ignore: (absolutePath: string) => boolean = () => false,
  ) {}

  /**
   * The article files under a folder, sorted by name, following links with a guard: a folder whose
   * real path was already walked is not walked again, and nothing deeper than MAX_FOLDER_DEPTH is.
   * Local file system calls are made synchronously: each asynchronous one is a round trip through
   * libuv's thread pool, which made reading 4,000 small files take a second instead of 90 ms.
   */
  walk(root: string): Found[] {
    const found: Found[] = [];
    const visited = new Set<string>();
    try {
      visited.add(realpathSync(root));
    } catch (error) {
      this.warnings.push(`${displayPath(root)}: cannot be read (${codeOf(error)})`);
      return found;
    }
    const visit = (folder: string, depth: number): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        this.warnings.push(`${displayPath(folder)}: cannot be read (${codeOf(error)})`);
        return;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith(".")) continue;
        const full = join(folder, entry.name);
        const link = entry.isSymbolicLink();
        if (!link && !entry.isDirectory() && !entry.isFile()) continue;
        if (!link && entry.isFile() && !READABLE.has(extname(entry.name).toLowerCase())) continue;
        // the config's ignore is applied before reading: an ignored file is never read, counted or quoted
        if (this.ignore(resolve(full))) continue;
        let info: Stats;
        try {
          info = statSync(full);
        } catch (error) {
          this.warnings.push(`${displayPath(full)}: ${link ? "broken link" : "cannot be read"} (${codeOf(error)})`);
          continue;
        }
        if (info.isDirectory()) {
          let real: string;
          try {
            real = realpathSync(full);
          } catch (error) {
            this.warnings.push(`${displayPath(full)}: cannot be read (${codeOf(error)})`);
            continue;
          }
          if (visited.has(real)) {
            this.warnings.push(`${displayPath(full)}: link to a folder already read, not followed`);
            continue;
          }
          if (depth + 1 > MAX_FOLDER_DEPTH) {
            this.warnings.push(`${displayPath(full)}: more than ${MAX_FOLDER_DEPTH} folders deep, not read`);
            continue;
          }
          visited.add(real);
          visit(full, depth + 1);
        } else if (info.isFile() && READABLE.has(extname(entry.name).toLowerCase())) {
          found.push({ file: full, id: relative(root, full).split(sep).join("/"), info });
        }
      }
    };
    visit(root, 0);
    return found;
  }

  /** Reads one file into zero, one or (JSON records) many inputs. */
  async readOne({ file, id, info }: Found, inFolder: boolean): Promise<void> {
    const name = displayPath(file);
    if (!info.isFile()) {
      this.warnings.push(`${name}: not a regular file (${kindOf(info)}), not read`);
      return;
    }
    if (info.size > this.maxFileSize) {
      this.warnings.push(`${name}: ${info.size} bytes, over the limit of ${sizeText(this.maxFileSize)}, skipped`);
      return;
    }
    const identity = `${info.dev}:${info.ino}`;
    if (this.seenFiles.has(identity)) return;
    this.seenFiles.add(identity);
    const bytes = load(file);
    if (bytes instanceof Error) {
      this.warnings.push(`${name}: cannot be read (${codeOf(bytes)})`);
      return;
    }
    await this.addText(bytes, { id, path: name, name, format: formatOf(file), inFolder, noun: "file" });
  }

  /** A web page: fetched within limits, then read as HTML or text; a failure is a warning naming the URL. */
  async readUrl(url: string): Promise<void> {
    let page: Fetched;
    try {
      page = await fetchPage(url);
    } catch (error) {
      this.warnings.push(`${url}: cannot be fetched (${(error as Error).message})`);
      return;
    }
    await this.addText(Buffer.from(page.body, "utf8"), { id: url, path: url, name: url, format: page.html ? "html" : "text", inFolder: false, noun: "input" });
  }

  async readStdin(stdin: NodeJS.ReadableStream, stdinName?: string): Promise<void> {
    const name = stdinName ?? "<stdin>";
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > this.maxFileSize) {
        this.warnings.push(`${name}: over the limit of ${sizeText(this.maxFileSize)}, skipped`);
        return;
      }
      chunks.push(buffer);
    }
    // a name given for stdin decides its format as an extension would; without one it is sniffed
    await this.addText(Buffer.concat(chunks), { id: name, path: name, name, format: stdinName ? formatOf(stdinName) : null, inFolder: false, noun: "input" });
  }

  /** Decodes a file's bytes and reads them in their format. `format` null: not known by extension, sniffed. */
  private async addText(bytes: Buffer, source: { id: string; path: string; name: string; format: Format | null; inFolder: boolean; noun: "file" | "input" }): Promise<void> {
    const { id, path, name, inFolder, noun } = source;
    const decoded = decode(bytes, name);
    if ("binary" in decoded) {
      this.warnings.push(`${name}: binary ${noun} skipped`);
      return;
    }
    this.warnings.push(...decoded.warnings);
    const text = decoded.text;
    if (text.trim() === "") {
      this.warnings.push(`${name}: empty ${noun} skipped`);
      return;
    }
    const own = ownOutputKind(text);
    if (own) {
      this.warnings.push(`${name}: a factcheck ${own}, not an article: skipped`);
      return;
    }
    const format = source.format ?? sniff(text);
    if (format === "text") {
      this.emit({ id, path, text });
      return;
    }
    if (format === "html") {
      let page: HtmlArticle;
      try {
        page = await readHtml(text);
      } catch (error) {
        this.warnings.push(`${name}: cannot be read as HTML (${(error as Error).message})`);
        return;
      }
      if (page.text === "") {
        this.warnings.push(`${name}: no article text in this page, skipped`);
        return;
      }
      this.emit(withMetadata({ id, path, text: page.text }, page));
      return;
    }
    const result = format === "json" ? readJsonRecords(text, name) : readNdjsonRecords(text, name);
    // JSON met in a folder that is no article data at all (a config, a gold file) is not a source: skipped quietly
    if (inFolder && !result.notJson && !result.articleData) return;
    this.warnings.push(...result.warnings);
    for (const record of result.records) {
      this.emit(withMetadata({ id: `${id}#${record.key}`, path: `${path}#${record.key}`, text: record.text }, record));
    }
  }
}

/** A regular file's bytes, or the error reading them gave. */
function load(file: string): Buffer | Error {
  try {
    return readFileSync(file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Lets the event loop run: a worker's finished batch is taken in, a signal is heard. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An input with the metadata its page or record gave; its text starts with the title when the body does not. */
function withMetadata(
  input: InputText,
  meta: { title?: string | null | undefined; published?: string | null | undefined; outlet?: string | null | undefined; url?: string | null | undefined },
): InputText {
  const result: InputText = { ...input };
  const title = meta.title?.replace(/\s+/g, " ").trim();
  if (title) {
    result.title = title;
    if (!input.text.trimStart().startsWith(title)) result.text = `${title}\n\n${input.text}`;
  }
  if (meta.published) result.published = meta.published;
  const outlet = meta.outlet?.trim();
  if (outlet) result.outlet = outlet;
  const url = meta.url?.trim();
  if (url) result.url = url;
  return result;
}

/**
 * Reads every input: files, folders (recursively, their .txt, .text, .md, .markdown, .html, .htm,
 * .json and .ndjson files) and "-" for stdin. A source's id is its path relative to the folder it
 * was found in, or the file path as given; a JSON record's is the file's, then "#" and the record's
 * own id or number. What cannot be read (binary, empty, too large, not a regular file, no access)
 * is a warning naming it, and the run goes on without it.
 */
export async function readInputs(paths: readonly string[], stdin: NodeJS.ReadableStream = process.stdin, options: ReadOptions = {}): Promise<ReadResult> {
  const inputs: InputText[] = [];
  const warnings = await streamInputs(paths, stdin, options, (input) => inputs.push(input));
  inputs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { inputs, warnings };
}

/**
 * readInputs as a stream: each input goes to `emit` as soon as it is read, in the order the
 * paths and folders give them, so that a caller can let go of each text before the next is read.
 * Returns the warnings.
 */
export async function streamInputs(paths: readonly string[], stdin: NodeJS.ReadableStream, options: ReadOptions, emit: (input: InputText) => void): Promise<string[]> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const reader = new Reader(maxFileSize, emit, options.ignore);
  for (const given of paths) {
    if (given === "-") {
      await reader.readStdin(stdin, options.stdinName);
      continue;
    }
    if (isUrl(given)) {
      await reader.readUrl(given);
      continue;
    }
    let info: Stats;
    try {
      info = statSync(given);
    } catch (error) {
      const code = codeOf(error);
      reader.warnings.push(code === "ENOENT" || code === "ENOTDIR" ? `${given}: no such file or folder` : `${given}: cannot be read (${code})`);
      continue;
    }
    if (info.isDirectory()) {
      const files = reader.walk(given);
      if (files.length === 0) reader.warnings.push(`${given}: no article files (.txt, .md, .html, .json, .ndjson) in this folder`);
      for (const file of files) {
        await reader.readOne(file, true);
        await breathe();
      }
    } else {
      await reader.readOne({ file: given, id: displayPath(given), info }, false);
    }
  }
  return reader.warnings;
}
