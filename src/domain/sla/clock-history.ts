// A case collects clocks as it goes round: a new 答复客户 clock on every 重办, on an upgrade from
// inquiry to complaint, a new 部门签收 on every dispatch. Listed flat they read as the same
// deadline several times over. Grouped here, one line per kind is the current one and the
// earlier ones fold under it, each with how it ended.

/** What grouping needs of a clock; the API's clocks and the domain's both carry it. */
export interface ClockFacts {
  id: string;
  name: string;
  startedAt: Date | string;
  dueAt: Date | string;
  stopped: boolean;
  paused: boolean;
  breached: boolean;
  /** An approved extension (延期) moved its deadline. */
  extended: boolean;
  /**
   * What tells apart clocks of one kind that run side by side rather than one after another:
   * the department of a work order's clocks. Null for the case's own.
   */
  scope?: string | null;
}

/**
 * running / paused / overdue: still counting (overdue: past its deadline, still owed).
 * met / missed: stopped before or after its deadline.
 */
export type ClockOutcome = "running" | "paused" | "overdue" | "met" | "missed";

export interface ClockLine<C extends ClockFacts> {
  clock: C;
  outcome: ClockOutcome;
  /** 1 for the kind's first clock on the case, 2 for the next… */
  ordinal: number;
}

export interface ClockGroup<C extends ClockFacts> {
  /** The kind (the clock's name, and its scope when it has one). */
  key: string;
  name: string;
  scope: string | null;
  /** The clock that counts now: the running one due first, else the latest. */
  current: ClockLine<C>;
  /** The others, latest first. */
  earlier: ClockLine<C>[];
}

const time = (value: Date | string) => new Date(value).getTime();

export function clockOutcome(clock: ClockFacts): ClockOutcome {
  if (!clock.stopped) return clock.paused ? "paused" : clock.breached ? "overdue" : "running";
  return clock.breached ? "missed" : "met";
}

/** Started later first; the id breaks a tie so the order never depends on the input's. */
const latestFirst = (a: ClockFacts, b: ClockFacts) =>
  time(b.startedAt) - time(a.startedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The clock that counts now among one kind's: the running one due first, else the latest. */
function currentOf<C extends ClockFacts>(clocks: C[]): C {
  const running = clocks
    .filter((c) => !c.stopped)
    .sort((a, b) => time(a.dueAt) - time(b.dueAt) || latestFirst(a, b));
  return running[0] ?? [...clocks].sort(latestFirst)[0]!;
}

/**
 * The case's clocks one group per kind, the current clock first and the earlier ones folded
 * under it. Groups still running come first, the one due soonest at the top; then the finished
 * ones, the most recently started first.
 */
export function groupClocks<C extends ClockFacts>(clocks: readonly C[]): ClockGroup<C>[] {
  const byKind = new Map<string, C[]>();
  for (const clock of clocks) {
    const key = clock.scope ? `${clock.name}:${clock.scope}` : clock.name;
    byKind.set(key, [...(byKind.get(key) ?? []), clock]);
  }
  const groups = [...byKind].map(([key, members]): ClockGroup<C> => {
    const inOrder = [...members].sort(latestFirst).reverse();
    const line = (clock: C): ClockLine<C> => ({
      clock,
      outcome: clockOutcome(clock),
      ordinal: inOrder.indexOf(clock) + 1,
    });
    const current = currentOf(members);
    return {
      key,
      name: current.name,
      scope: current.scope ?? null,
      current: line(current),
      earlier: members
        .filter((c) => c !== current)
        .sort(latestFirst)
        .map(line),
    };
  });
  const running = (g: ClockGroup<C>) => !g.current.clock.stopped;
  return groups.sort((a, b) => {
    if (running(a) !== running(b)) return running(a) ? -1 : 1;
    if (running(a)) return time(a.current.clock.dueAt) - time(b.current.clock.dueAt);
    return latestFirst(a.current.clock, b.current.clock);
  });
}
