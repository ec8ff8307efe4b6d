import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../model/article.js";
import type { ArticleRecord } from "../model/record.js";

const BATCH = 16;
/** Below this many articles a worker's start-up (loading the model again) costs more than it saves. */
const WORTH_A_WORKER = 48;

export const defaultJobs = () => Math.max(1, availableParallelism());

/**
 * Extracts records on worker threads, one model per worker, batches handed out as workers free
 * up; the records come back in the articles' order, so the result is the same for any number of
 * jobs. `extractOne` is the in-process extraction, used when one job is asked for or the input
 * is small. `onProgress` hears of each finished batch.
 */
export async function extractAll(
  articles: readonly Article[],
  jobs: number,
  extractOne: (a: Article) => ArticleRecord,
  onProgress: (done: number) => void = () => undefined,
): Promise<ArticleRecord[]> {
  const workers = Math.min(jobs, Math.ceil(articles.length / BATCH));
  const script = new URL("./worker.js", import.meta.url);
  if (workers <= 1 || articles.length < WORTH_A_WORKER || !script.pathname.endsWith(".js")) {
    const out: ArticleRecord[] = [];
    articles.forEach((a, i) => {
      out.push(extractOne(a));
      if ((i + 1) % BATCH === 0) onProgress(i + 1);
    });
    return out;
  }
  const results: ArticleRecord[][] = [];
  let next = 0;
  let done = 0;
  const batches = Math.ceil(articles.length / BATCH);
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script);
        const feed = () => {
          if (next >= batches) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          worker.postMessage({ id, articles: articles.slice(id * BATCH, (id + 1) * BATCH) });
        };
        worker.on("message", (message: { id: number; records: ArticleRecord[] }) => {
          results[message.id] = message.records;
          done += message.records.length;
          onProgress(done);
          feed();
        });
        worker.on("error", reject);
        feed();
      }),
    ),
  );
  return results.flat();
}
