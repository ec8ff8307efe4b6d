import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import { Report } from "../../src/model/report.js";
import { formatHtml } from "../../src/report/html.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`html.browser.test.ts: skipped: ${CHROMIUM} does not exist (apt-get install -y chromium to run the browser test)`);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Opened {
  context: BrowserContext;
  page: Page;
  url: string;
  /** every URL the page requested */
  requests: string[];
  /** console errors (a CSP violation is one), uncaught exceptions and dialogs */
  problems: string[];
}

/** The page written to `folder`, opened from file:// in a fresh profile. */
async function open(folder: string, html: string): Promise<Opened> {
  const file = join(folder, "report.html");
  writeFileSync(file, html);
  const context = await chromium.launchPersistentContext(join(folder, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    colorScheme: "light",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: "load" });
  return { context, page, url, requests, problems };
}

/**
 * Opens `html` in a fresh profile, runs `check` on it (with a folder for its own files), then asserts what every page must keep to:
 * no console error, exception or dialog, and no request but the page itself.
 */
async function withPage(html: string, check: (opened: Opened, folder: string) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "factcheck-html-"));
  let opened: Opened | undefined;
  try {
    opened = await open(folder, html);
    await check(opened, folder);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
  } finally {
    await opened?.context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface MarkState {
  text: string;
  current: boolean;
  inPanel: boolean;
  inViewport: boolean;
}

/** Every highlighted value of the page: its text, whether it is "current", and whether it can be seen. */
const markStates = (page: Page): Promise<MarkState[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll("mark.hl")).map((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest(".panel-body")?.getBoundingClientRect();
      const inPanel = box !== undefined && r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;
      const inViewport = r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      return { text: el.textContent ?? "", current: el.classList.contains("current"), inPanel, inViewport };
    }),
  );

const pressedFindings = (page: Page): Promise<string[]> =>
  page.evaluate(() => Array.from(document.querySelectorAll('.finding[aria-pressed="true"]')).map((el) => el.id));

describe("the HTML report in a browser", () => {
  it.skipIf(!HAS_CHROMIUM)(
    "opens offline, scrolls to a contradiction's quotes, and selects a finding from a highlighted value",
    async () => {
      const report = await factcheck(["seeds/"]);
      const first = report.findings.findIndex((f) => f.kind === "contradiction");
      expect(first).toBeGreaterThanOrEqual(0);
      const contradiction = report.findings[first]!;
      await withPage(formatHtml(report), async (opened, folder) => {
        const { page } = opened;

        // nothing but the page itself is fetched
        expect(opened.requests).toEqual([opened.url]);

        // click the first contradiction: every quote of each of its values is marked, and one of each is in view
        await page.locator(".finding.contradiction").first().click();
        expect(await pressedFindings(page)).toEqual([`finding-${first}`]);
        const states = await markStates(page);
        const current = states.filter((m) => m.current);
        expect(current.length).toBeGreaterThanOrEqual(contradiction.values.length);
        for (const value of contradiction.values) {
          const ofValue = current.filter((m) => m.text.toLowerCase().includes(value.text.toLowerCase()));
          expect(ofValue.length, `a current mark for "${value.text}"`).toBeGreaterThan(0);
          expect(
            ofValue.some((m) => m.inPanel && m.inViewport),
            `a quote of "${value.text}" scrolled into view`,
          ).toBe(true);
        }

        await page.screenshot({ path: join(folder, "report.png") });
        expect(existsSync(join(folder, "report.png"))).toBe(true);
        if (process.env.UPDATE_SCREENSHOT === "1") copyFileSync(join(folder, "report.png"), "docs/report-screenshot.png");

        // a highlighted value of another finding selects that finding
        const otherMark = page.locator("mark.hl.uncorroborated").first();
        await otherMark.scrollIntoViewIfNeeded();
        await otherMark.click();
        const pressed = await pressedFindings(page);
        expect(pressed).toHaveLength(1);
        const selected = Number(pressed[0]!.replace("finding-", ""));
        expect(report.findings[selected]?.kind).toBe("uncorroborated");
        expect(await page.locator(`#finding-${selected}`).evaluate((el) => el === document.activeElement)).toBe(true);

        // the keyboard: Enter on a focused finding selects it; Space again deselects it
        const second = page.locator(".finding").nth(1);
        await second.focus();
        await page.keyboard.press("Enter");
        expect(await pressedFindings(page)).toEqual(["finding-1"]);
        await page.keyboard.press(" ");
        expect(await pressedFindings(page)).toEqual([]);

        // the kind filter hides the other findings
        await page.selectOption("#filter-kind", "contradiction");
        const visible = await page.evaluate(() => Array.from(document.querySelectorAll(".finding")).filter((el) => !el.closest("li")?.hidden).length);
        expect(visible).toBe(report.findings.filter((f) => f.kind === "contradiction").length);

      });
    },
    60_000,
  );

  it.skipIf(!HAS_CHROMIUM)(
    "runs nothing from the report: no dialog, no extra script or element, no request",
    async () => {
      const evil = `<script>alert(1)</script><img src=x onerror=alert(1)>"><svg onload=alert(1)></script>`;
      const report = Report.parse({
        schemaVersion: 1,
        tool: { name: "factcheck", version: "0.0.0" },
        sources: [
          { id: `a${evil}`, path: `p/${evil}`, title: evil, published: null, outlet: evil, language: "en" },
          { id: "b.txt", path: "b.txt", title: null, published: null, outlet: null, language: "en" },
        ],
        claims: [
          { id: "c1", source: `a${evil}`, attribute: "role", subject: { id: "person:x", name: evil }, value: { text: `Mayor${evil}`, normalized: "mayor" }, evidence: { quote: `${evil} Mayor${evil} X.`, line: 1, column: 1, segment: "body" } },
          { id: "c2", source: "b.txt", attribute: "role", subject: { id: "person:x", name: "X" }, value: { text: "Governor", normalized: "governor" }, evidence: { quote: "Governor X spoke.", line: 1, column: 1, segment: "body" } },
        ],
        findings: [
          {
            id: "f1",
            kind: "contradiction",
            attribute: "role",
            subject: { id: "person:x", name: evil, aliases: [evil] },
            values: [
              { text: `Mayor${evil}`, normalized: "mayor", sources: [`a${evil}`], claims: ["c1"] },
              { text: "Governor", normalized: "governor", sources: ["b.txt"], claims: ["c2"] },
            ],
            consensus: null,
            severity: "error",
            message: evil,
          },
        ],
        summary: { sources: 2, claims: 2, agreements: 0, contradictions: 1, uncorroborated: 0 },
      });
      await withPage(formatHtml(report), async (opened) => {
        const { page } = opened;
        await page.locator(".finding").first().click();
        await page.locator("mark.hl").first().click();
        const found = await page.evaluate(() => ({
          scripts: document.querySelectorAll("script").length,
          injected: document.querySelectorAll("img, svg, iframe, object, embed").length,
          handlers: Array.from(document.querySelectorAll("*")).filter((el) => el.getAttributeNames().some((n) => n.startsWith("on"))).length,
          message: document.querySelector(".f-msg")?.textContent ?? "",
        }));
        expect(found).toEqual({ scripts: 2, injected: 0, handlers: 0, message: evil });
      });
    },
    60_000,
  );
});
