/** An HTML page read as an article: its main text, one paragraph a line, and what its head says about it. */
export interface HtmlArticle {
  /** the article's text: one paragraph per line, a blank line between paragraphs, ending in a newline ("" when the page has none) */
  text: string;
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  outlet: string | null;
  /** the page's canonical address (link rel=canonical, og:url), resolved against `url` */
  url: string | null;
}

/** Elements whose content is never article text. */
const NEVER_TEXT = new Set(["script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "select", "textarea", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu"]);
/** Cookie and consent notices, whatever element they are built of. */
const CONSENT = /(^|[\s_-])(cookies?|consent|gdpr|cmp)([\s_-]|$)/i;
const HIDDEN_ROLES = new Set(["navigation", "dialog", "alertdialog", "banner", "contentinfo", "complementary", "search"]);

/** Elements that start and end a line of text. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "thead", "tfoot", "tr", "ul",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const tagOf = (node: Node) => (node.nodeType === ELEMENT_NODE ? (node as Element).localName.toLowerCase() : "");

/** The text of a subtree, one line per block element, whitespace collapsed. */
export function blockLines(root: Node): string[] {
  const lines: string[] = [];
  let buffer = "";
  const flush = () => {
    const line = buffer.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    buffer = "";
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.textContent ?? "";
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (NEVER_TEXT.has(tag)) continue;
      if (tag === "br") {
        flush();
      } else if (BLOCK.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
        if (tag === "td" || tag === "th") buffer += " ";
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

/** Takes out what is never article text: navigation, scripts, styles, forms, cookie and consent notices. */
function removeClutter(document: Document): void {
  for (const element of Array.from(document.querySelectorAll("*"))) {
    if (!element.isConnected) continue;
    const tag = element.localName.toLowerCase();
    if (tag === "html" || tag === "head" || tag === "body") continue;
    const role = (element.getAttribute("role") ?? "").toLowerCase();
    const marks = `${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`;
    if (NEVER_TEXT.has(tag) || HIDDEN_ROLES.has(role) || CONSENT.test(marks)) element.remove();
  }
}

const clean = (value: string | null | undefined): string | null => {
  const text = (value ?? "").replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
};

function meta(document: Document, attribute: "property" | "name" | "itemprop", key: string): string | null {
  for (const element of Array.from(document.querySelectorAll(`meta[${attribute}]`))) {
    if ((element.getAttribute(attribute) ?? "").toLowerCase() === key.toLowerCase()) {
      const value = clean(element.getAttribute("content"));
      if (value) return value;
    }
  }
  return null;
}

/** The calendar date an ISO date or date-time starts with, when it is a real date. */
export function isoDatePart(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value ?? "");
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** "Harbour plan approved | Daily Courier" → "Harbour plan approved", when the part cut off is the outlet. */
function withoutOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const name = outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const suffix = new RegExp(`^(.+?)\\s+[|–—:·-]\\s+${name}$`, "i").exec(title);
  if (suffix) return suffix[1]!;
  const prefix = new RegExp(`^${name}\\s+[|–—:·-]\\s+(.+)$`, "i").exec(title);
  return prefix ? prefix[1]! : title;
}

function resolveUrl(href: string | null, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/**
 * Reads an HTML page: the article's main text by Mozilla's Readability over linkedom, both loaded
 * only now, so that a run without HTML does not pay for them; the title, publication date and
 * outlet from the page's meta tags.
 */
export async function readHtml(html: string, url?: string): Promise<HtmlArticle> {
  const { parseHTML } = await import("linkedom");
  const { Readability } = await import("@mozilla/readability");
  const { document } = parseHTML(html);
  removeClutter(document);

  const outlet = meta(document, "property", "og:site_name") ?? meta(document, "name", "publisher") ?? meta(document, "name", "application-name");
  const published =
    [
      meta(document, "property", "article:published_time"),
      meta(document, "name", "date"),
      meta(document, "itemprop", "datePublished"),
      meta(document, "name", "pubdate"),
      meta(document, "name", "publish-date"),
      meta(document, "name", "dc.date.issued"),
      meta(document, "name", "dc.date"),
    ]
      .map(isoDatePart)
      .find((d) => d !== null) ?? null;
  const timeDate = Array.from(document.querySelectorAll("time[datetime]"))
    .map((t) => isoDatePart(t.getAttribute("datetime")))
    .find((d) => d !== null) ?? null;
  const headTitle = clean(document.querySelector("title")?.textContent);
  const metaTitle = meta(document, "property", "og:title") ?? (headTitle ? withoutOutlet(headTitle, outlet) : null);
  const canonical = resolveUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "property", "og:url"), url);

  // Readability changes the document as it reads it: everything above was taken first
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  let lines = article?.content ? blockLines(article.content) : [];
  if (lines.length === 0 && document.body) lines = blockLines(document.body);
  const title = metaTitle ?? clean(article?.title) ?? null;
  // a headline Readability left at the top of the text is the title, not a paragraph
  if (title && lines[0] === title) lines = lines.slice(1);

  return {
    text: lines.length > 0 ? `${lines.join("\n\n")}\n` : "",
    title,
    published: published ?? isoDatePart(article?.publishedTime) ?? timeDate,
    outlet: outlet ?? clean(article?.siteName),
    url: canonical,
  };
}
