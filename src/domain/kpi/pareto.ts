// 帕累托: causes by count, most first, each with its share and the running share, so the few
// causes behind most complaints stand out.

export interface ParetoRow<K> {
  key: K;
  count: number;
  /** Percent of all counted cause mentions, one decimal. */
  share: number;
  cumulativeShare: number;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** Ties keep the order given (the caller sorts ties by key, so the table is stable). */
export function pareto<K>(counts: readonly { key: K; count: number }[]): ParetoRow<K>[] {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  let running = 0;
  return [...counts]
    .sort((a, b) => b.count - a.count)
    .map((c) => {
      running += c.count;
      return { ...c, share: percent(c.count, total), cumulativeShare: percent(running, total) };
    });
}
