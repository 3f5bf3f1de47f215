import { caseVars, themes } from "../../src/demo/demo-themes.js";
import { fill, seededRandom } from "../../src/demo/seeded-random.js";
import {
  type LabelledCase,
  suggest,
  trainSuggestions,
} from "../../src/domain/suggestion/suggestion-model.js";

/** Issue 17's target for one suggestion: it answers while the agent types. */
export const TARGET_SUGGESTION_MS = 20;

/**
 * `n` closed cases as the bench data writes them (src/demo/demo-themes.ts): a theme's subject
 * and situation with its variables filled, filed under the theme's category, business type,
 * one or two of its causes and its lead department.
 */
export function generatedCases(n: number, seed = 17): LabelledCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const theme = random.pick(themes);
    const story = random.pick(theme.cases);
    const vars = caseVars(random);
    const causes = [random.pick(theme.causes), random.pick(theme.causes)];
    return {
      id: `bench-${seed}-${i}`,
      text: `${fill(story.subject, vars)}。${fill(story.situation, vars)}`,
      labels: {
        category: [theme.category],
        cause: [...new Set(causes)],
        businessType: [theme.businessType],
        department: [theme.lead],
      },
    };
  });
}

export interface SuggestionFigures {
  cases: number;
  trainMs: number;
  modelKb: number;
  /** One suggestion (all four fields) for a new text, sorted milliseconds of each sample. */
  p50: number;
  p95: number;
  accuracy: ReturnType<typeof trainSuggestions>["accuracy"];
}

/**
 * Trains on `cases` generated closed cases (the model's size follows the vocabulary, not the
 * count, so 100,000 stand for a million) and times a suggestion for each of `samples` new texts.
 */
export function measureSuggestions(cases = 100_000, samples = 2_000): SuggestionFigures {
  const data = generatedCases(cases);
  const started = performance.now();
  const trained = trainSuggestions(data);
  const trainMs = performance.now() - started;
  // Parsed back from its stored form, as a server loads it.
  const stored = JSON.stringify(trained.model);
  const model = JSON.parse(stored) as typeof trained.model;
  const times: number[] = [];
  for (const c of generatedCases(samples, 99)) {
    const t0 = performance.now();
    suggest(model, c.text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))]! * 1000) / 1000;
  return {
    cases,
    trainMs: Math.round(trainMs),
    modelKb: Math.round(stored.length / 1024),
    p50: at(0.5),
    p95: at(0.95),
    accuracy: trained.accuracy,
  };
}
