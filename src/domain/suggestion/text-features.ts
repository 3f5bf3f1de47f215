/**
 * What the classifier reads of a complaint's text, without a dictionary: each run of Chinese
 * characters as its overlapping character pairs (a lone character as itself), each run of
 * letters as a lower-case word, and numbers as one token, since amounts, dates and card digits
 * vary from case to case and say nothing about the kind of trouble. Each feature counts once a
 * text: short texts classify better on presence than on repetition.
 */
export function textFeatures(text: string): string[] {
  const features = new Set<string>();
  for (const run of text.normalize("NFKC").toLowerCase().match(runs) ?? []) {
    if (/^\d/.test(run)) features.add("#num");
    else if (/^[a-z]/.test(run)) features.add(run);
    else if (run.length === 1) features.add(run);
    else for (let i = 0; i + 1 < run.length; i++) features.add(run.slice(i, i + 2));
  }
  return [...features];
}

const runs = /\p{Script=Han}+|[a-z]+|\d+(?:[.,]\d+)*/gu;
