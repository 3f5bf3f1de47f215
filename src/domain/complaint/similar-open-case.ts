import { textFeatures } from "../suggestion/text-features.js";

/**
 * How much of two texts' wording is shared: their character pairs (each Chinese run's overlapping
 * bigrams, each Latin word whole, as the suggestion model reads a text; numbers left out, since
 * any amount or date would match any other) shared by both, as a share of the smaller set. The
 * smaller set because an open case is known by its short subject while the agent's text grows
 * with the call: the question is how much of the subject the caller is repeating.
 */
export function wordingShare(a: string, b: string): { shared: number; share: number } {
  const left = wording(a);
  const right = wording(b);
  const smaller = Math.min(left.size, right.size);
  if (smaller === 0) return { shared: 0, share: 0 };
  let shared = 0;
  for (const feature of left) if (right.has(feature)) shared++;
  return { shared, share: shared / smaller };
}

const wording = (text: string) => new Set(textFeatures(text).filter((f) => f !== "#num"));

/** At least half the smaller text's pairs shared… */
export const SIMILAR_SHARE = 0.5;
/** …and at least three of them: two or three characters typed say too little to interrupt. */
export const SIMILAR_MIN_SHARED = 3;

export interface OpenCaseWording {
  category: string | null;
  subject: string;
}

/**
 * The caller's open case the agent's new text most likely repeats: same category (the one chosen
 * in the form, or else the top suggestion) and wording shared at or above both thresholds; the
 * highest share wins, the earlier in the list (newest first) on a tie. Null when none qualifies
 * or the category is not known yet.
 */
export function similarOpenCase<T extends OpenCaseWording>(
  text: string,
  category: string | null | undefined,
  openCases: readonly T[],
): { case: T; share: number } | null {
  if (!category || !text.trim()) return null;
  let best: { case: T; share: number } | null = null;
  for (const candidate of openCases) {
    if (candidate.category !== category) continue;
    const { shared, share } = wordingShare(text, candidate.subject);
    if (shared < SIMILAR_MIN_SHARED || share < SIMILAR_SHARE) continue;
    if (!best || share > best.share) best = { case: candidate, share };
  }
  return best;
}
