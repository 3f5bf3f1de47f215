import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import type { LabelledCase, TrainedSuggestions } from "../../domain/suggestion/suggestion-model.js";

/** `started` when a thread has begun learning, `finished` when it has answered. */
export const trainingThreads = new EventEmitter();

/**
 * Trains the suggestions in a thread of its own: seconds of arithmetic on 20,000 cases would
 * otherwise hold every request the server is answering. From dist/ the thread runs the compiled
 * training-worker.js; from the sources (tests, `npm run dev`, benches under tsx) the .ts file,
 * through tsx's loader. One thread per training, ended when it answers.
 */
export function trainInWorker(cases: readonly LabelledCase[]): Promise<TrainedSuggestions> {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(`./training-worker.${fromSources ? "ts" : "js"}`, import.meta.url);
  const worker = fromSources
    ? // A thread starts without the parent's loaders: it registers tsx's before importing the .ts.
      new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true, workerData: cases },
      )
    : new Worker(entry, { workerData: cases });
  return new Promise((resolve, reject) => {
    worker.on("message", (message: "started" | TrainedSuggestions) => {
      if (message === "started") {
        trainingThreads.emit("started");
        return;
      }
      resolve(message);
      trainingThreads.emit("finished");
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`suggestion training thread exited with ${code}`));
    });
  });
}
