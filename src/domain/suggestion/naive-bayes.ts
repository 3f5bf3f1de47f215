/**
 * A multinomial naive Bayes over text features, stored sparse so its size follows the words the
 * organisation uses, not the number of cases: per class the log prior and the log-probability of
 * a feature it never saw; per feature only the classes that saw it, each with how much more
 * likely the feature is there than unseen (log((count + α) / α)).
 */
export interface ClassModel {
  classes: string[];
  logPrior: number[];
  logUnseen: number[];
  /** Feature → [class index, log ratio, class index, log ratio, …]. */
  postings: Record<string, number[]>;
  /** Scores are divided by it before the softmax, so confidences match the held-out hit rate. */
  temperature: number;
}

export interface LabelledFeatures {
  features: readonly string[];
  labels: readonly string[];
}

export interface Ranked {
  id: string;
  confidence: number;
}

const ALPHA = 0.5;

/** Trains on documents with at least one label; a document with several counts for each. */
export function trainClassModel(
  docs: readonly LabelledFeatures[],
  vocabulary: ReadonlySet<string>,
): ClassModel {
  const classIndex = new Map<string, number>();
  const docCounts: number[] = [];
  const featureTotals: number[] = [];
  const counts = new Map<string, Map<number, number>>();
  for (const doc of docs) {
    for (const label of doc.labels) {
      let c = classIndex.get(label);
      if (c === undefined) {
        c = classIndex.size;
        classIndex.set(label, c);
        docCounts.push(0);
        featureTotals.push(0);
      }
      docCounts[c]! += 1;
      for (const f of doc.features) {
        if (!vocabulary.has(f)) continue;
        featureTotals[c]! += 1;
        let byClass = counts.get(f);
        if (!byClass) {
          byClass = new Map();
          counts.set(f, byClass);
        }
        byClass.set(c, (byClass.get(c) ?? 0) + 1);
      }
    }
  }
  const totalDocs = docCounts.reduce((a, b) => a + b, 0);
  const v = vocabulary.size;
  const postings: Record<string, number[]> = {};
  for (const [f, byClass] of counts) {
    const list: number[] = [];
    for (const [c, n] of byClass) list.push(c, round(Math.log((n + ALPHA) / ALPHA)));
    postings[f] = list;
  }
  return {
    classes: [...classIndex.keys()],
    logPrior: docCounts.map((n) => round(Math.log(n / totalDocs))),
    logUnseen: featureTotals.map((n) => round(Math.log(ALPHA / (n + ALPHA * v)))),
    postings,
    temperature: 1,
  };
}

/** Each class's log score for the features; features the model never saw are left out. */
export function scores(model: ClassModel, features: readonly string[]): number[] | null {
  const out = [...model.logPrior];
  let known = 0;
  for (const f of features) {
    const list = model.postings[f];
    if (!list) continue;
    known += 1;
    for (let i = 0; i < list.length; i += 2) out[list[i]!]! += list[i + 1]!;
  }
  if (known === 0) return null;
  for (let c = 0; c < out.length; c++) out[c]! += known * model.logUnseen[c]!;
  return out;
}

/** Softmax of the scores at a temperature: the probability of each class. */
export function probabilities(raw: readonly number[], temperature: number): number[] {
  const max = Math.max(...raw);
  const exp = raw.map((s) => Math.exp((s - max) / temperature));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The `limit` likeliest classes, likeliest first (ties by class order, so always the same). */
export function rank(model: ClassModel, features: readonly string[], limit = 3): Ranked[] {
  const raw = scores(model, features);
  if (!raw) return [];
  const p = probabilities(raw, model.temperature);
  return p
    .map((confidence, c) => ({ id: model.classes[c]!, confidence, c }))
    .sort((a, b) => b.confidence - a.confidence || a.c - b.c)
    .slice(0, limit)
    .map(({ id, confidence }) => ({ id, confidence: Math.round(confidence * 1000) / 1000 }));
}

// Four decimals keep the stored model small and cost nothing in ranking.
const round = (x: number) => Math.round(x * 10_000) / 10_000;
