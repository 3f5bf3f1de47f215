import { type ClassModel, probabilities, rank, scores, trainClassModel } from "./naive-bayes.js";
import { textFeatures } from "./text-features.js";

/** What intake is offered for a new text: the fields of a case the classifier learns. */
export const suggestionFields = ["category", "cause", "businessType", "department"] as const;
export type SuggestionField = (typeof suggestionFields)[number];

/** A closed case as the trainer reads it: its text and what it was finally filed under. */
export interface LabelledCase {
  id: string;
  text: string;
  labels: Record<SuggestionField, readonly string[]>;
}

export interface SuggestionModel {
  version: 1;
  fields: Record<SuggestionField, ClassModel>;
}

/** How the model did on cases it was not trained on, beside always guessing the commonest. */
export interface FieldAccuracy {
  /** Held-out cases with this field set. */
  cases: number;
  /** Share whose first suggestion was right (for causes: one of the case's causes). */
  top1: number | null;
  /** Share with a right answer among the three suggestions. */
  top3: number | null;
  /** Share the training set's commonest value alone would have got right. */
  baseline: number | null;
}

export interface TrainedSuggestions {
  model: SuggestionModel;
  accuracy: Record<SuggestionField, FieldAccuracy>;
  trainedOn: number;
  heldOut: number;
}

export type Suggestions = Record<SuggestionField, { id: string; confidence: number }[]>;

/** Features seen in fewer cases are left out: typos and one-off names only add noise and size. */
const MIN_CASES_PER_FEATURE = 2;
const temperatures = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

/**
 * Trains on all but a held-out share of the cases (chosen by id, so a retrain on the same cases
 * holds out the same ones), measures that share, then trains the stored model on every case with
 * the temperature the held-out share chose.
 */
export function trainSuggestions(
  cases: readonly LabelledCase[],
  heldOutPercent = 20,
): TrainedSuggestions {
  const featured = cases.map((c) => ({ ...c, features: textFeatures(c.text) }));
  const heldOut = featured.filter((c) => bucket(c.id) < heldOutPercent);
  const training = featured.filter((c) => bucket(c.id) >= heldOutPercent);
  const measured = fitFields(training);
  const accuracy = {} as Record<SuggestionField, FieldAccuracy>;
  const temperature = {} as Record<SuggestionField, number>;
  for (const field of suggestionFields) {
    const tested = heldOut.filter((c) => c.labels[field].length > 0);
    temperature[field] = fitTemperature(measured[field], tested, field);
    accuracy[field] = measure(measured[field], tested, field, commonest(training, field));
  }
  const fields = fitFields(featured);
  for (const field of suggestionFields) fields[field].temperature = temperature[field];
  return {
    model: { version: 1, fields },
    accuracy,
    trainedOn: featured.length,
    heldOut: heldOut.length,
  };
}

/** The three likeliest of each field for a text; empty lists when nothing in it is known. */
export function suggest(model: SuggestionModel, text: string): Suggestions {
  const features = textFeatures(text);
  const out = {} as Suggestions;
  for (const field of suggestionFields) out[field] = rank(model.fields[field], features, 3);
  return out;
}

type Featured = LabelledCase & { features: string[] };

function fitFields(cases: readonly Featured[]) {
  const seen = new Map<string, number>();
  for (const c of cases) for (const f of c.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const vocabulary = new Set(
    [...seen].filter(([, n]) => n >= MIN_CASES_PER_FEATURE).map(([f]) => f),
  );
  const fields = {} as Record<SuggestionField, ClassModel>;
  for (const field of suggestionFields)
    fields[field] = trainClassModel(
      cases
        .filter((c) => c.labels[field].length > 0)
        .map((c) => ({ features: c.features, labels: c.labels[field] })),
      vocabulary,
    );
  return fields;
}

/** The temperature with the least log-loss of the right answers on the held-out cases. */
function fitTemperature(model: ClassModel, tested: readonly Featured[], field: SuggestionField) {
  let best = { t: 1, loss: Number.POSITIVE_INFINITY };
  const scored = tested
    .map((c) => ({ raw: scores(model, c.features), right: c.labels[field] }))
    .filter((s): s is { raw: number[]; right: readonly string[] } => s.raw !== null);
  if (scored.length === 0) return 1;
  for (const t of temperatures) {
    let loss = 0;
    for (const { raw, right } of scored) {
      const p = probabilities(raw, t);
      const hit = right.reduce((sum, id) => sum + (p[model.classes.indexOf(id)] ?? 0), 0);
      loss -= Math.log(Math.max(hit, 1e-9));
    }
    if (loss < best.loss) best = { t, loss };
  }
  return best.t;
}

function measure(
  model: ClassModel,
  tested: readonly Featured[],
  field: SuggestionField,
  majority: string | null,
): FieldAccuracy {
  if (tested.length === 0) return { cases: 0, top1: null, top3: null, baseline: null };
  let top1 = 0;
  let top3 = 0;
  let baseline = 0;
  for (const c of tested) {
    const right = c.labels[field];
    const ranked = rank(model, c.features, 3).map((r) => r.id);
    if (ranked[0] !== undefined && right.includes(ranked[0])) top1 += 1;
    if (ranked.some((id) => right.includes(id))) top3 += 1;
    if (majority !== null && right.includes(majority)) baseline += 1;
  }
  const share = (n: number) => Math.round((n / tested.length) * 1000) / 1000;
  return { cases: tested.length, top1: share(top1), top3: share(top3), baseline: share(baseline) };
}

function commonest(cases: readonly Featured[], field: SuggestionField): string | null {
  const counts = new Map<string, number>();
  for (const c of cases)
    for (const id of c.labels[field]) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | null = null;
  let most = 0;
  for (const [id, n] of counts)
    if (n > most || (n === most && best !== null && id < best)) [best, most] = [id, n];
  return best;
}

/** 0–99 from the case's id (FNV-1a), the same on every run. */
function bucket(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 100;
}
