// Exact medians over a year of durations without sorting them all: the rollup counts, per day,
// the durations falling in each bucket of a geometric scale; a report adds the counts, finds the
// bucket(s) holding the middle ranks, and sorts only those buckets' durations.

/** The buckets' lower edges in ms: a minute × 1.25^i, up to about 150 days. */
export const durationBucketEdges: readonly number[] = Array.from({ length: 56 }, (_, i) =>
  Math.round(60_000 * 1.25 ** i),
);

/** Bucket 0 holds what is under the first edge; bucket i what reaches edge i (width_bucket). */
export const durationBucketCount = durationBucketEdges.length + 1;

/** Where `percentile_cont(0.5)` of the counted durations lies. */
export interface MedianRanks {
  fromBucket: number;
  toBucket: number;
  /** 0-based ranks, among the durations of buckets fromBucket…toBucket sorted, of the middle two. */
  lower: number;
  upper: number;
  /** How far between the two the median lies (0 when their count is odd, else ½). */
  fraction: number;
}

/** The bucket holding the 0-based rank `rank` of the counted durations, and how many come before. */
function bucketOfRank(counts: readonly number[], rank: number) {
  let before = 0;
  for (const [bucket, n] of counts.entries()) {
    if (rank < before + n) return { bucket, before };
    before += n;
  }
  throw new Error(`rank ${rank} beyond ${before} durations`);
}

/** The middle ranks of durations counted per bucket (`counts`), or null when there are none. */
export function medianRanks(counts: readonly number[]): MedianRanks | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const position = (total - 1) / 2;
  const lower = bucketOfRank(counts, Math.floor(position));
  const upper = bucketOfRank(counts, Math.ceil(position));
  return {
    fromBucket: lower.bucket,
    toBucket: upper.bucket,
    lower: Math.floor(position) - lower.before,
    upper: Math.ceil(position) - lower.before,
    fraction: position - Math.floor(position),
  };
}

/** The median from the durations at ranks `lower` and `upper`, as percentile_cont computes it. */
export const interpolate = (low: number, high: number, fraction: number) =>
  low + fraction * (high - low);
