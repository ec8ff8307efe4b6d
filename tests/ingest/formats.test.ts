import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readHtml } from "../../src/ingest/formats/html.js";
import { readJsonRecords, readNdjsonRecords } from "../../src/ingest/formats/records.js";
import { DEFAULT_MAX_FILE_SIZE, readInputs } from "../../src/ingest/read.js";

/** Paths whose reading fails with EACCES: root reads any file whatever its mode, so chmod cannot show it here. */
const denied = vi.hoisted(() => new Set<string>());
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
    const [path] = args;
    if (typeof path === "string" && denied.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES", errno: -13, syscall: "open", path });
    }
    return real.readFileSync(...args);
  }) as typeof real.readFileSync;
  return { ...real, readFileSync, default: { ...real, readFileSync } };
});

const DATA = join(dirname(fileURLToPath(import.meta.url)), "data");
const data = (name: string) => readFileSync(join(DATA, name), "utf8");
const noStdin = () => Readable.from([]);
const stdinOf = (...chunks: Buffer[]) => Readable.from(chunks);

const ARTICLE_TEXT = [
  "The council of Velmora approved the harbour plan on Tuesday after a debate that ran late into the night, with twelve votes in favour and three against.",
  "",
  "The plan will cost the town about 40 million crowns, the council said, and work on the new quay is to begin in the spring & end within two years.",
  "",
  "Mayor Ilse Brandvik said the harbour would reopen to ferries from Kestrel Island by the end of next year.",
  "",
].join("\n");

describe("HTML", () => {
  it("the article's paragraphs, one a line, without navigation, scripts, styles, cookie notice or footer; metadata from the head", async () => {
    expect(await readHtml(data("page.html"), "https://courier.example/news/")).toEqual({
      text: ARTICLE_TEXT,
      title: "Velmora council approves harbour plan",
      published: "2026-03-04",
      outlet: "Daily Courier",
      url: "https://courier.example/2026/03/04/harbour-plan",
    });
  });

  it("<title> less the outlet's name, meta name=date, meta name=publisher", async () => {
    const page = `<html><head><title>Ferry resumes - Harbour Times</title><meta name="date" content="2026-01-13"><meta name="publisher" content="Harbour Times"></head>
      <body><div><p>The ferry to Kestrel Island resumed on Tuesday after three days of storms had kept it in port at Velmora.</p>
      <p>Passengers queued from early morning, the operator said, and extra sailings were added for the weekend.</p></div></body></html>`;
    expect(await readHtml(page)).toEqual({
      text:
        "The ferry to Kestrel Island resumed on Tuesday after three days of storms had kept it in port at Velmora.\n\n" +
        "Passengers queued from early morning, the operator said, and extra sailings were added for the weekend.\n",
      title: "Ferry resumes",
      published: "2026-01-13",
      outlet: "Harbour Times",
      url: null,
    });
  });

  it("<time datetime> and application-name when the head has nothing better; a <br> ends a line", async () => {
    const page = `<html><head><meta name="application-name" content="Velmora Post"></head><body><article>
      <time datetime="2025-12-31T23:10:00-05:00">New Year's Eve</time>
      <p>Fireworks lit the harbour at midnight.<br>Thousands watched from the quay.</p></article></body></html>`;
    expect(await readHtml(page)).toEqual({
      text: "New Year's Eve\n\nFireworks lit the harbour at midnight.\n\nThousands watched from the quay.\n",
      title: null,
      published: "2025-12-31",
      outlet: "Velmora Post",
      url: null,
    });
  });

  it("a date that is not a real date is not taken", async () => {
    const page = `<html><head><meta property="article:published_time" content="2026-02-30T10:00:00Z"><meta name="date" content="2026-03-01"></head><body><p>Text of the article.</p></body></html>`;
    expect((await readHtml(page)).published).toBe("2026-03-01");
  });
});

describe("JSON and NDJSON records", () => {
  it("a .json array: valid records kept, bad ones warned about by index with zod's message", () => {
    const result = readJsonRecords(data("records.json"), "records.json");
    expect(result.records).toEqual([
      {
        key: "1",
        text: "The ferry to Kestrel Island resumed on Tuesday.",
        title: "Ferry resumes",
        published: "2026-03-03",
        outlet: "Daily Courier",
        url: "https://courier.example/ferry",
      },
      { key: "bridge-7", id: "bridge-7", text: "The bridge at Brelford opened on Monday.", published: "2026-03-02" },
    ]);
    expect(result.warnings).toEqual([
      "records.json [1]: text: Invalid input: expected string, received undefined",
      "records.json [3]: published is not an ISO date (YYYY-MM-DD) or date-time",
      "records.json [4]: text is empty",
      "records.json [5]: Invalid input: expected object, received string",
    ]);
  });

  it("a .json object is one record", () => {
    expect(readJsonRecords('{"text": "One article.", "id": 7}', "one.json")).toEqual({
      records: [{ key: "7", id: "7", text: "One article." }],
      warnings: [],
      notJson: false,
      articleData: true,
    });
  });

  it("a .ndjson file: line numbers in warnings, blank lines skipped, a repeated id skipped", () => {
    const result = readNdjsonRecords(data("feed.ndjson"), "feed.ndjson");
    expect(result.records).toEqual([
      { key: "1", text: "Rescuers found 12 survivors on Wednesday.", title: "Survivors found", outlet: "Harbour Times" },
      { key: "late", id: "late", text: "The search was called off on Friday.", published: "2026-03-06" },
    ]);
    expect(result.warnings).toEqual([
      "feed.ndjson line 3: published is not an ISO date (YYYY-MM-DD) or date-time",
      "feed.ndjson line 4: not JSON (Unterminated string in JSON at position 20)",
      'feed.ndjson line 6: id "late" already used, record skipped',
    ]);
  });

  it("a file that is not JSON at all is one warning", () => {
    const json = readJsonRecords("The council met on Tuesday.\n", "notes.json");
    expect(json.records).toEqual([]);
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings[0]).toMatch(/^notes\.json: not JSON \(/);
    expect(readNdjsonRecords("The council met on Tuesday.\nIt agreed.\n", "notes.ndjson").warnings).toEqual(["notes.ndjson: not JSON"]);
  });
});

describe("readInputs", () => {
  let dir: string;
  let server: Server | undefined;
  const at = (...parts: string[]) => join(dir, ...parts);
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(dirname(at(name)), { recursive: true });
    writeFileSync(at(name), content);
    return at(name);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-formats-"));
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("binary and empty files are warnings, not inputs", async () => {
    const png = write("bin/picture.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const empty = write("bin/empty.txt", "");
    const blank = write("bin/blank.md", " \n\t\r\n");
    const ok = write("bin/ok.txt", "Ferry resumes\n");
    const { inputs, warnings } = await readInputs([png, empty, blank, ok], noStdin());
    expect(inputs).toEqual([{ id: ok, path: ok, text: "Ferry resumes\n" }]);
    expect(warnings).toEqual([`${png}: binary file skipped`, `${empty}: empty file skipped`, `${blank}: empty file skipped`]);
  });

  it("a Windows-1252 file reads as its UTF-8 copy; undecodable bytes are replaced with a warning", async () => {
    const cp = write("enc/cp1252.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94]));
    const utf = write("enc/utf8.txt", "café – “quoted”");
    const odd = write("enc/odd.txt", Buffer.from([0x41, 0xff, 0xfe, 0x80, 0x81, 0x42]));
    const { inputs, warnings } = await readInputs([cp, utf, odd], noStdin());
    expect(inputs.map((i) => i.text)).toEqual(["café – “quoted”", "A\uFFFD\uFFFD\uFFFD\uFFFDB", "café – “quoted”"]);
    expect(warnings).toEqual([`${odd}: invalid UTF-8 replaced`]);
  });

  it("files over maxFileSize are skipped with a warning naming the file and the limit; the default is 10 MiB", async () => {
    const big = write("size/big.txt", "x".repeat(150));
    const small = write("size/small.txt", "y".repeat(100));
    const { inputs, warnings } = await readInputs([big, small], noStdin(), { maxFileSize: 100 });
    expect(inputs.map((i) => i.path)).toEqual([small]);
    expect(warnings).toEqual([`${big}: 150 bytes, over the limit of 100 bytes, skipped`]);
    expect(DEFAULT_MAX_FILE_SIZE).toBe(10 * 1024 * 1024);
    const huge = write("size/huge.txt", Buffer.alloc(DEFAULT_MAX_FILE_SIZE + 1, 0x61));
    expect((await readInputs([huge], noStdin())).warnings).toEqual([`${huge}: 10485761 bytes, over the limit of 10 MiB, skipped`]);
  });

  it("a FIFO, /dev/zero and a socket given by name are refused without being opened", async () => {
    const fifo = at("fifo");
    execFileSync("mkfifo", [fifo]);
    const socket = at("sock");
    server = createServer();
    await new Promise<void>((done) => server!.listen(socket, done));
    const { inputs, warnings } = await readInputs([fifo, "/dev/zero", socket], noStdin());
    expect(inputs).toEqual([]);
    expect(warnings).toEqual([
      `${fifo}: not a regular file (FIFO), not read`,
      "/dev/zero: not a regular file (character device), not read",
      `${socket}: not a regular file (socket), not read`,
    ]);
  });

  it("folders: article extensions picked up, links followed once, loops and broken links warned about", async () => {
    const root = at("walk");
    write("walk/a.txt", "A\n");
    write("walk/b.text", "B\n");
    write("walk/c.markdown", "C\n");
    write("walk/d.htm", "<html><head><title>Dee</title></head><body><p>The D paragraph.</p></body></html>");
    write("walk/e.ndjson", '{"text": "E one"}\n{"text": "E two"}\n');
    write("walk/f.csv", "not,picked,up\n");
    write("walk/gold.json", '{"contradictions": []}\n');
    write("walk/sub/g.md", "G\n");
    write("outside/h.txt", "H\n");
    symlinkSync("..", at("walk/sub/up")); // a loop back to the root
    symlinkSync(at("outside"), at("walk/ext")); // a folder outside: followed
    symlinkSync("a.txt", at("walk/same.txt")); // the same file a second time: one source
    symlinkSync("nowhere.txt", at("walk/gone.txt"));
    symlinkSync("self", at("walk/self"));
    const { inputs, warnings } = await readInputs([root], noStdin());
    expect(inputs.map((i) => [i.id, i.text])).toEqual([
      ["a.txt", "A\n"],
      ["b.text", "B\n"],
      ["c.markdown", "C\n"],
      ["d.htm", "Dee\n\nThe D paragraph.\n"],
      ["e.ndjson#1", "E one"],
      ["e.ndjson#2", "E two"],
      ["ext/h.txt", "H\n"],
      ["sub/g.md", "G\n"],
    ]);
    expect(inputs.find((i) => i.id === "d.htm")).toMatchObject({ title: "Dee", path: `${root}/d.htm` });
    expect(inputs.find((i) => i.id === "e.ndjson#2")?.path).toBe(`${root}/e.ndjson#2`);
    expect(warnings).toEqual([
      `${root}/gone.txt: broken link (ENOENT)`,
      `${root}/self: broken link (ELOOP)`,
      `${root}/sub/up: link to a folder already read, not followed`,
    ]);
  });

  it("never more than 64 folders deep", async () => {
    const root = at("deep");
    const level = (n: number) => join(root, ...Array<string>(n).fill("d"));
    mkdirSync(level(66), { recursive: true });
    writeFileSync(join(level(64), "in.txt"), "in\n");
    writeFileSync(join(level(65), "out.txt"), "out\n");
    const { inputs, warnings } = await readInputs([root], noStdin());
    expect(inputs.map((i) => i.id)).toEqual([`${Array<string>(64).fill("d").join("/")}/in.txt`]);
    expect(warnings).toEqual([`${level(65)}: more than 64 folders deep, not read`]);
  });

  it("an unreadable file is a warning with its code, and the rest is read", async () => {
    const locked = write("perm/locked.txt", "secret\n");
    const open = write("perm/open.txt", "open\n");
    denied.add(locked);
    try {
      const { inputs, warnings } = await readInputs([at("perm")], noStdin());
      expect(inputs.map((i) => i.id)).toEqual(["open.txt"]);
      expect(warnings).toEqual([`${locked}: cannot be read (EACCES)`]);
    } finally {
      denied.delete(locked);
    }
    expect(open).toBe(at("perm/open.txt"));
  });

  it.skipIf(process.getuid?.() === 0)("a file without read permission (not as root) is a warning with EACCES", async () => {
    const locked = write("perm2/locked.txt", "secret\n");
    chmodSync(locked, 0o000);
    const { inputs, warnings } = await readInputs([locked], noStdin());
    expect(inputs).toEqual([]);
    expect(warnings).toEqual([`${locked}: cannot be read (EACCES)`]);
  });

  it("names with spaces, newlines and non-ASCII characters", async () => {
    const names = ["two words.txt", "line\nbreak.txt", "café – Ωmega 東京.md"];
    for (const name of names) write(`names/${name}`, `${name}\n`);
    const folder = await readInputs([at("names")], noStdin());
    expect(folder.warnings).toEqual([]);
    expect(folder.inputs.map((i) => [i.id, i.text])).toEqual([
      ["café – Ωmega 東京.md", "café – Ωmega 東京.md\n"],
      ["line\nbreak.txt", "line\nbreak.txt\n"],
      ["two words.txt", "two words.txt\n"],
    ]);
    const given = await readInputs([at("names", "line\nbreak.txt")], noStdin());
    expect(given.inputs.map((i) => i.path)).toEqual([at("names", "line\nbreak.txt")]);
  });

  it("a file given by name with another extension is read when it is text, and sniffed for HTML and JSON", async () => {
    const log = write("other/article.log", "Bridge opens\n");
    const page = write("other/saved.page", data("page.html"));
    const feed = write("other/feed.jsonl", '{"text": "One.", "published": "2026-03-04"}\n{"text": "Two."}\n');
    const bin = write("other/blob.dat", Buffer.from("%PDF-1.4 not text"));
    const { inputs, warnings } = await readInputs([log, page, feed, bin], noStdin());
    expect(warnings).toEqual([`${bin}: binary file skipped`]);
    expect(inputs).toEqual([
      { id: log, path: log, text: "Bridge opens\n" },
      { id: `${feed}#1`, path: `${feed}#1`, text: "One.", published: "2026-03-04" },
      { id: `${feed}#2`, path: `${feed}#2`, text: "Two." },
      {
        id: page,
        path: page,
        text: `Velmora council approves harbour plan\n\n${ARTICLE_TEXT}`,
        title: "Velmora council approves harbour plan",
        published: "2026-03-04",
        outlet: "Daily Courier",
      },
    ]);
  });

  it("JSON records become inputs FILE#N or FILE#id with their metadata; the title heads the text", async () => {
    const file = write("rec/records.json", data("records.json"));
    const { inputs, warnings } = await readInputs([file], noStdin());
    expect(inputs).toEqual([
      {
        id: `${file}#1`,
        path: `${file}#1`,
        text: "Ferry resumes\n\nThe ferry to Kestrel Island resumed on Tuesday.",
        title: "Ferry resumes",
        published: "2026-03-03",
        outlet: "Daily Courier",
        url: "https://courier.example/ferry",
      },
      { id: `${file}#bridge-7`, path: `${file}#bridge-7`, text: "The bridge at Brelford opened on Monday.", published: "2026-03-02" },
    ]);
    expect(warnings).toEqual([
      `${file} [1]: text: Invalid input: expected string, received undefined`,
      `${file} [3]: published is not an ISO date (YYYY-MM-DD) or date-time`,
      `${file} [4]: text is empty`,
      `${file} [5]: Invalid input: expected object, received string`,
    ]);
  });

  it("JSON that is no article data: quietly passed over in a folder, warned about when given by name", async () => {
    const gold = write("nodata/gold.json", '{"contradictions": []}\n');
    write("nodata/a.txt", "A\n");
    const folder = await readInputs([at("nodata")], noStdin());
    expect(folder.inputs.map((i) => i.id)).toEqual(["a.txt"]);
    expect(folder.warnings).toEqual([]);
    const given = await readInputs([gold], noStdin());
    expect(given.inputs).toEqual([]);
    expect(given.warnings).toEqual([`${gold}: text: Invalid input: expected string, received undefined`]);
  });

  it("stdin is decoded the same way: Windows-1252, an HTML page, a binary stream, the size limit", async () => {
    const cp1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x0a]);
    expect(await readInputs(["-"], stdinOf(cp1252.subarray(0, 5), cp1252.subarray(5)))).toEqual({
      inputs: [{ id: "<stdin>", path: "<stdin>", text: "café – “quoted”\n" }],
      warnings: [],
    });
    const html = await readInputs(["-"], stdinOf(Buffer.from(data("page.html"))));
    expect(html.inputs.map((i) => [i.id, i.title, i.published, i.outlet])).toEqual([
      ["<stdin>", "Velmora council approves harbour plan", "2026-03-04", "Daily Courier"],
    ]);
    expect(await readInputs(["-"], stdinOf(Buffer.from([0x1f, 0x8b, 0x08, 0x00])))).toEqual({ inputs: [], warnings: ["<stdin>: binary input skipped"] });
    expect(await readInputs(["-"], stdinOf(Buffer.from("  \n")))).toEqual({ inputs: [], warnings: ["<stdin>: empty input skipped"] });
    expect(await readInputs(["-"], stdinOf(Buffer.alloc(64, 0x61), Buffer.alloc(64, 0x61)), { maxFileSize: 100 })).toEqual({
      inputs: [],
      warnings: ["<stdin>: over the limit of 100 bytes, skipped"],
    });
  });
});
