import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../model/article.js";
import type { ArticleRecord } from "../model/record.js";
import { breathe } from "../shared/breathe.js";

const BATCH = 16;
/** Batches a worker may have waiting: one to work on and one ready, so it never waits for this thread. */
const IN_FLIGHT = 2;
/** Batches read but not yet given to a worker: past this many, the reader waits (texts do not pile up). */
const MAX_WAITING = 4;
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

interface Batch {
  id: number;
  articles: Article[];
}

/**
 * Extraction over `jobs` threads. With one job, or an input too small to repay a worker's
 * start-up, this thread extracts. With more, `jobs` workers (one model each) extract and this
 * thread only reads, hands out batches and takes records back: extracting here as well made it
 * the slowest of the threads (its heap holds every record, so it collects garbage the most) and
 * left the workers idle while it caught up. The reader paces itself with room(), so at most a few
 * batches of text wait in memory. Records come back in the order the articles were added, so
 * the result is the same for any number of jobs. A worker that fails hands its batches back to
 * the others, or to this thread when none is left.
 */
export class ExtractionPool {
  private readonly results: ArticleRecord[][] = [];
  private readonly helpers: Helper[] = [];
  private readonly waiting: Batch[] = [];
  private batch: Article[] = [];
  private settled: (() => void) | undefined;
  private wakeReader: (() => void) | undefined;
  /** an error met while extracting here for a lost worker, thrown from finish() */
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

  /** Resolves once few batches wait for a worker: the reader calls it between files. */
  room(): Promise<void> {
    if (this.waiting.length < MAX_WAITING || this.helpers.length === 0) return breathe();
    return new Promise<void>((resolve) => (this.wakeReader = resolve));
  }

  /** Waits for every article added; the records, in the order added. */
  async finish(): Promise<ArticleRecord[]> {
    if (this.batch.length > 0) this.dispatch();
    // too few articles to start a worker for: they are extracted here
    if (this.helpers.length === 0) this.extractWaitingHere();
    if (this.pending() > 0) await new Promise<void>((resolve) => (this.settled = resolve));
    await Promise.all(this.helpers.map((h) => h.worker.terminate()));
    if (this.failure !== undefined) throw this.failure;
    return this.results.flat();
  }

  private pending(): number {
    return this.waiting.length + this.helpers.reduce((n, h) => n + h.batches.size, 0);
  }

  private withWorkers(): boolean {
    // under a TypeScript test runner there is no compiled worker to start
    return this.jobs > 1 && /\.m?js$/.test(this.script.pathname);
  }

  private dispatch(): void {
    const batch = { id: this.results.length, articles: this.batch };
    this.batch = [];
    this.results.push([]);
    if (!this.withWorkers()) return this.extractHere(batch);
    this.waiting.push(batch);
    if (this.helpers.length === 0 && this.added >= WORTH_A_WORKER) this.startWorkers();
    this.feed();
  }

  private startWorkers(): void {
    for (let k = 0; k < this.jobs; k++) {
      const helper: Helper = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }), batches: new Map(), lost: false };
      helper.worker.on("message", (message: { id: number; records: ArticleRecord[] }) => this.receive(helper, message));
      helper.worker.on("error", () => this.lose(helper));
      helper.worker.on("exit", () => this.lose(helper));
      this.helpers.push(helper);
    }
  }

  /** Waiting batches go to the workers with room; with every worker lost, they are extracted here. */
  private feed(): void {
    if (this.helpers.length === 0) return;
    const open = this.helpers.filter((h) => !h.lost);
    if (open.length === 0) this.extractWaitingHere();
    while (this.waiting.length > 0) {
      const helper = open.reduce<Helper | undefined>((best, h) => (h.batches.size < IN_FLIGHT && (!best || h.batches.size < best.batches.size) ? h : best), undefined);
      if (!helper) break;
      const batch = this.waiting.shift()!;
      helper.batches.set(batch.id, batch.articles);
      helper.worker.postMessage(batch);
    }
    if (this.waiting.length < MAX_WAITING && this.wakeReader) {
      this.wakeReader();
      this.wakeReader = undefined;
    }
    if (this.pending() === 0) this.settled?.();
  }

  private extractWaitingHere(): void {
    try {
      for (const batch of this.waiting.splice(0)) this.extractHere(batch);
    } catch (error) {
      this.failure ??= error;
    }
  }

  private extractHere({ id, articles }: Batch): void {
    this.results[id] = articles.map((a) => this.extractOne(a));
    this.progress(articles.length);
  }

  /** A worker's batch is back: its records take their place. */
  private receive(helper: Helper, message: { id: number; records: ArticleRecord[] }): void {
    for (const record of message.records) shareStrings(record);
    this.results[message.id] = message.records;
    helper.batches.delete(message.id);
    this.progress(message.records.length);
    this.feed();
  }

  /** A worker failed: what it held goes back to the front of the queue, and it is used no more. */
  private lose(helper: Helper): void {
    if (helper.lost) return;
    helper.lost = true;
    this.waiting.unshift(...[...helper.batches].map(([id, articles]) => ({ id, articles })));
    helper.batches.clear();
    this.feed();
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
