import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage } from "../../src/ingest/fetch.js";
import { readInputs } from "../../src/ingest/read.js";

// A local server on the loopback address serves fixture pages: the tests never reach the internet.
const PAGE = `<!doctype html><html><head><title>Quake hits Velm</title><meta property="og:site_name" content="Velm Courier">
<meta property="article:published_time" content="2026-03-02T10:00:00Z"></head><body><nav>Home | World | Sport</nav>
<article><h1>Quake hits Velm</h1><p>A magnitude 6.4 earthquake struck the town of Velm on Monday, killing at least 12 people, officials said.</p>
<p>Rescuers worked through the night to free people trapped under collapsed buildings in the old town.</p>
<p>The regional governor said the toll was likely to rise as teams reached outlying villages.</p></article></body></html>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === "/article") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (url === "/plain") response.writeHead(200, { "content-type": "text/plain" }).end("Officials said 12 people died in Velm on Monday.");
    else if (url.startsWith("/hop/")) {
      const n = Number(url.slice(5));
      response.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/article" }).end();
    } else if (url === "/image") response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([137, 80, 78, 71]));
    else if (url === "/big") response.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(2048));
    else if (url === "/slow") setTimeout(() => response.writeHead(200, { "content-type": "text/plain" }).end("late"), 1500);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("reading articles from URLs", () => {
  it("a page is read as HTML: its main text, title, date and outlet", async () => {
    const { inputs, warnings } = await readInputs([`${base}/article`]);
    expect(warnings).toEqual([]);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.id).toBe(`${base}/article`);
    expect(inputs[0]!.text).toContain("A magnitude 6.4 earthquake struck the town of Velm on Monday");
    expect(inputs[0]!.text).not.toContain("Home | World");
    expect(inputs[0]!.published).toBe("2026-03-02");
    expect(inputs[0]!.outlet).toBe("Velm Courier");
  });

  it("plain text is read as it is, and redirects are followed within the limit", async () => {
    const plain = await readInputs([`${base}/plain`]);
    expect(plain.inputs[0]!.text).toBe("Officials said 12 people died in Velm on Monday.");
    const hopped = await readInputs([`${base}/hop/2`]);
    expect(hopped.inputs[0]!.text).toContain("Rescuers worked through the night");
  });

  it("a failed URL is a warning naming it, and the run goes on", async () => {
    const { inputs, warnings } = await readInputs([`${base}/missing`, `${base}/image`, `${base}/hop/9`, `${base}/plain`]);
    expect(inputs).toHaveLength(1);
    expect(warnings).toEqual([
      `${base}/missing: cannot be fetched (HTTP 404)`,
      `${base}/image: cannot be fetched (not a web page (image/png))`,
      `${base}/hop/9: cannot be fetched (more than 5 redirects)`,
    ]);
  });

  it("a time limit and a size limit stop a slow or large answer", async () => {
    await expect(fetchPage(`${base}/slow`, { timeoutMs: 200, maxBytes: 1000, maxRedirects: 5 })).rejects.toThrow("no answer within 0.2 s");
    await expect(fetchPage(`${base}/big`, { timeoutMs: 2000, maxBytes: 1000, maxRedirects: 5 })).rejects.toThrow("larger than 1000 bytes");
  });
});
