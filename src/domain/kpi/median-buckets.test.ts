import { describe, expect, it } from "vitest";
import {
  durationBucketCount,
  durationBucketEdges,
  interpolate,
  medianRanks,
} from "./median-buckets.js";

/** The bucket PostgreSQL's width_bucket gives a duration over the edges. */
const bucketOf = (ms: number) => durationBucketEdges.filter((edge) => ms >= edge).length;

/** The median found through the buckets, from the durations themselves. */
function medianThroughBuckets(durations: number[]) {
  const counts = Array.from({ length: durationBucketCount }, () => 0);
  for (const ms of durations) counts[bucketOf(ms)]! += 1;
  const ranks = medianRanks(counts);
  if (!ranks) return null;
  const kept = durations
    .filter((ms) => bucketOf(ms) >= ranks.fromBucket && bucketOf(ms) <= ranks.toBucket)
    .sort((a, b) => a - b);
  return interpolate(kept[ranks.lower]!, kept[ranks.upper]!, ranks.fraction);
}

function plainMedian(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(position)]!;
  return low + (position - Math.floor(position)) * (sorted[Math.ceil(position)]! - low);
}

const hours = (h: number) => h * 3_600_000;

describe("medians through duration buckets", () => {
  it("has ascending edges from a minute to beyond a regulator's longest limit", () => {
    expect(durationBucketEdges[0]).toBe(60_000);
    expect(durationBucketEdges.every((e, i) => i === 0 || e > durationBucketEdges[i - 1]!)).toBe(
      true,
    );
    expect(durationBucketEdges.at(-1)!).toBeGreaterThan(hours(24 * 90));
  });

  it("gives no median without durations", () => {
    expect(medianRanks(Array(durationBucketCount).fill(0))).toBeNull();
  });

  it("takes the middle duration of an odd count", () => {
    expect(medianThroughBuckets([hours(5), hours(1), hours(30)])).toBe(hours(5));
  });

  it("averages the middle two of an even count, when they lie in different buckets", () => {
    const durations = [hours(1), hours(2), hours(48), hours(200)];
    expect(bucketOf(hours(2))).not.toBe(bucketOf(hours(48)));
    expect(medianThroughBuckets(durations)).toBe(hours(25));
  });

  it("counts durations under a minute, negative ones and ones past the last edge", () => {
    const durations = [-5_000, 0, 30_000, hours(24 * 400), hours(24 * 500)];
    expect(medianThroughBuckets(durations)).toBe(30_000);
  });

  it("equals the plain median on many durations, odd and even", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const n of [1, 2, 99, 100, 1001]) {
      const durations = Array.from({ length: n }, () => Math.round(hours(72) * random() ** 3));
      expect(medianThroughBuckets(durations)).toBe(plainMedian(durations));
    }
  });
});
