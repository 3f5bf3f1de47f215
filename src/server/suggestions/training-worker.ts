import { parentPort, workerData } from "node:worker_threads";
import { type LabelledCase, trainSuggestions } from "../../domain/suggestion/suggestion-model.js";

// The thread train-in-worker.ts starts: one training on the cases it is handed, answered once.
parentPort?.postMessage("started");
parentPort?.postMessage(trainSuggestions(workerData as LabelledCase[]));
