import { parentPort } from "node:worker_threads";
import type { Article } from "../model/article.js";
import { extractRecord } from "../index.js";

// One extraction worker: wink-nlp and its model load once here, then batches of articles come
// in and their records go out, in the order they came.
parentPort?.on("message", (batch: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: batch.id, records: batch.articles.map((a) => extractRecord(a)) });
});
