/** Limits on reading an article from the web: a newsroom's CI must never hang on a slow site. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface Fetched {
  url: string;
  body: string;
  html: boolean;
}

const ACCEPTED = /^(text\/html|text\/plain|application\/xhtml\+xml)\b/i;

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Fetches one page with Node's own fetch: a time limit, a size limit, a bounded number of
 * redirects (followed by hand, so each hop is counted), and only HTML or plain text.
 * Any failure throws an Error whose message says what went wrong; the caller makes it a warning.
 */
export async function fetchPage(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { redirect: "manual", signal, headers: { accept: "text/html, text/plain;q=0.9" } });
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${limits.timeoutMs / 1000} s` : ((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      throw new Error(reason);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      if (hop >= limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
      current = new URL(response.headers.get("location")!, current).toString();
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const type = response.headers.get("content-type") ?? "";
    if (!ACCEPTED.test(type)) throw new Error(`not a web page (${type || "no content type"})`);
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > limits.maxBytes) throw new Error(`larger than ${limits.maxBytes} bytes`);
    // read the body in chunks so an endless or oversized answer stops at the limit
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw new Error(`larger than ${limits.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return { url: current, body: Buffer.concat(chunks).toString("utf8"), html: !/^text\/plain/i.test(type) };
  }
}
