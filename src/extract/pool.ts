import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../model/article.js";
import type { ArticleRecord } from "../model/record.js";

const BATCH = 16;
/** Batches a worker may have waiting: enough that it never runs dry while this thread extracts a batch of its own. */
const IN_FLIGHT = 8;
/** Below this many articles a worker's start-up (loading the model again) costs more than it saves. */
const WORTH_A_WORKER = 48;
/**
 * A worker's heap: a batch needs a few megabytes beyond the model, and an uncapped heap grows
 * towards gigabytes before it collects. A worker that runs out gives its batches back.
 */
const WORKER_HEAP_MB = 128;

export const defaultJobs = () => Math.max(1, availableParallelism());

interface Helper {
  worker: Worker;
  /** its batches not yet back, by batch id */
  batches: Map<number, Article[]>;
  /** it failed (ran out of memory, say): its batches were taken back, it gets no more */
  lost: boolean;
}

/**
 * Extraction over `jobs` threads: this one and jobs − 1 workers, one model each. Articles are
 * added as they are read; a batch goes to a worker that has room, else this thread extracts it
 * at once, so reading, extracting and the workers all keep going and no text waits long in memory.
 * Records come back in the order the articles were added, so the result is the same for any
 * number of jobs. Workers start only once an input is large enough to repay their start-up.
 */
export class ExtractionPool {
  private readonly results: ArticleRecord[][] = [];
  private readonly helpers: Helper[] = [];
  private settled: (() => void) | undefined;
  private batch: Article[] = [];
  /** an error met while taking back a lost worker's batches, thrown from finish() */
  private failure: unknown;
  private added = 0;
  private done = 0;

  constructor(
    private readonly jobs: number,
    private readonly extractOne: (article: Article) => ArticleRecord,
    private readonly onProgress: (done: number, added: number) => void = () => undefined,
    /** the worker's script: the compiled extraction worker, or a stand-in under test */
    private readonly script: URL = new URL("./worker.js", import.meta.url),
  ) {}

  add(article: Article): void {
    this.batch.push(article);
    this.added++;
    if (this.batch.length >= BATCH) this.dispatch();
  }

  /** Waits for every article added; the records, in the order added. */
  async finish(): Promise<ArticleRecord[]> {
    if (this.batch.length > 0) this.dispatch();
    if (this.outstanding() > 0) await new Promise<void>((resolve) => (this.settled = resolve));
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
    if (this.failure !== undefined) throw this.failure;
    return this.results.flat();
  }

  private outstanding(): number {
    return this.helpers.reduce((n, h) => n + h.batches.size, 0);
  }

  private dispatch(): void {
    const id = this.results.length;
    const articles = this.batch;
    this.batch = [];
    this.results.push([]);
    const helper = this.helperWithRoom();
    if (!helper) return this.extractHere(id, articles);
    helper.batches.set(id, articles);
    helper.worker.postMessage({ id, articles });
  }

  private extractHere(id: number, articles: readonly Article[]): void {
    this.results[id] = articles.map((a) => this.extractOne(a));
    this.progress(articles.length);
  }

  /** A worker's batch is back: its records take their place. */
  private receive(helper: Helper, message: { id: number; records: ArticleRecord[] }): void {
    for (const record of message.records) shareStrings(record);
    this.results[message.id] = message.records;
    helper.batches.delete(message.id);
    this.progress(message.records.length);
    if (this.outstanding() === 0) this.settled?.();
  }

  /** A worker failed: what it held is extracted here, and it is used no more. */
  private lose(helper: Helper): void {
    if (helper.lost) return;
    helper.lost = true;
    try {
      for (const [id, articles] of helper.batches) this.extractHere(id, articles);
    } catch (error) {
      this.failure ??= error;
    }
    helper.batches.clear();
    if (this.outstanding() === 0) this.settled?.();
  }

  private helperWithRoom(): Helper | undefined {
    // under a TypeScript test runner there is no compiled worker to start
    if (this.jobs <= 1 || this.added < WORTH_A_WORKER || !/\.m?js$/.test(this.script.pathname)) return undefined;
    while (this.helpers.length < this.jobs - 1) {
      const helper: Helper = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }), batches: new Map(), lost: false };
      helper.worker.on("message", (message: { id: number; records: ArticleRecord[] }) => this.receive(helper, message));
      helper.worker.on("error", () => this.lose(helper));
      helper.worker.on("exit", () => this.lose(helper));
      this.helpers.push(helper);
    }
    const open = this.helpers.filter((h) => !h.lost);
    if (open.length === 0) return undefined;
    const helper = open.reduce((a, b) => (b.batches.size < a.batches.size ? b : a));
    return helper.batches.size < IN_FLIGHT ? helper : undefined;
  }

  private progress(count: number): void {
    this.done += count;
    this.onProgress(this.done, this.added);
  }
}

/** Words that recur in every record (attributes, segments, event classes, periods), one copy each. */
const COMMON = new Map<string, string>();
const common = (text: string): string => {
  const known = COMMON.get(text);
  if (known !== undefined) return known;
  if (COMMON.size < 4096) COMMON.set(text, text);
  return text;
};

/**
 * A record copied from a worker holds its own copy of every string: the sentence each of its
 * claims quotes, the source id in each claim. Sharing them again takes a large run's records to
 * about two-thirds of the memory.
 */
function shareStrings(record: ArticleRecord): void {
  const quotes = new Map<string, string>();
  for (const claim of record.claims) {
    claim.source = record.id;
    claim.attribute = common(claim.attribute) as typeof claim.attribute;
    const quote = quotes.get(claim.evidence.quote);
    if (quote === undefined) quotes.set(claim.evidence.quote, claim.evidence.quote);
    else claim.evidence.quote = quote;
    claim.context.event = common(claim.context.event);
    claim.context.period = common(claim.context.period);
    claim.context.about = common(claim.context.about);
  }
}
