// A running SLA clock as an append-only record (start, pauses, extensions, stop, and which
// events the sweep has fired), and its state at any instant as a pure function of that record.
// Persistence stores the record and indexes `nextEventAt`, so a sweep only ever reads clocks
// that have something due.

import { addWorkingMs, type WorkCalendar, workingMsBetween } from "./calendar.js";
import {
  effectiveDueAt,
  isWorkingTimeUnit,
  type SlaTarget,
  dueAt as targetDueAt,
} from "./sla-target.js";

export interface ClockPause {
  from: Date;
  /** null while the clock is paused. */
  to: Date | null;
  /** Why (waiting for an outside appraisal, for the customer…); the customer is told. */
  reason: string;
}

export interface ClockExtension {
  /** The approved deadline; pauses before `approvedAt` are taken as already allowed for in it. */
  newDueAt: Date;
  approvedAt: Date;
}

export interface SlaClock {
  startedAt: Date;
  target: SlaTarget;
  /** The deadline at the start: the target's, or an external (transfer) deadline when earlier. */
  dueAt: Date;
  /** Share of the time after which the warning is due, e.g. 0.75; null for none. */
  warnAtShare: number | null;
  pauses: readonly ClockPause[];
  extensions: readonly ClockExtension[];
  /** Set when the clock's act is done (the reply sent, the order accepted…). */
  stoppedAt: Date | null;
  /** When the sweep fired the warning / the breach; cleared by an extension. */
  warnedAt: Date | null;
  breachedAt: Date | null;
}

export interface ClockState {
  /** The deadline after pauses and extensions (an open pause counts up to now). */
  dueAt: Date;
  /** When the warning share is reached; null when the clock has no warning. */
  warningAt: Date | null;
  /** Share of the allowed time used, 0 upwards (over 1 when overdue). */
  elapsedShare: number;
  /** At or past the warning instant. */
  warning: boolean;
  /** At or past the deadline: at `dueAt` itself the time has run out. */
  breached: boolean;
  paused: boolean;
  stopped: boolean;
  /** Milliseconds to the deadline from now (or from the stop); negative when overdue. */
  remaining: number;
}

export type ClockError =
  | "stopped"
  | "already_paused"
  | "not_paused"
  | "reason_required"
  | "out_of_order"
  | "not_later";
export type ClockResult = { ok: true; clock: SlaClock } | { ok: false; error: ClockError };

export interface StartClockOptions {
  /** The deadline set by an upper-level or regulator transfer; it wins when earlier. */
  externalDueAt?: Date | null;
  warnAtShare?: number | null;
}

export function startClock(
  calendar: WorkCalendar,
  startedAt: Date,
  target: SlaTarget,
  options: StartClockOptions = {},
): SlaClock {
  return {
    startedAt,
    target,
    dueAt: effectiveDueAt(targetDueAt(calendar, startedAt, target), options.externalDueAt),
    warnAtShare: options.warnAtShare === undefined ? 0.75 : options.warnAtShare,
    pauses: [],
    extensions: [],
    stoppedAt: null,
    warnedAt: null,
    breachedAt: null,
  };
}

type Interval = readonly [start: number, end: number];

/** How a target's time is measured and moved: working time or elapsed time. */
interface Measure {
  between(a: number, b: number): number;
  advance(from: number, amount: number): number;
}

function measureFor(calendar: WorkCalendar, target: SlaTarget): Measure {
  if (!isWorkingTimeUnit(target.unit)) {
    return { between: (a, b) => b - a, advance: (from, amount) => from + amount };
  }
  return {
    between: (a, b) => workingMsBetween(calendar, new Date(a), new Date(b)),
    advance: (from, amount) => addWorkingMs(calendar, new Date(from), amount).getTime(),
  };
}

const isPaused = (clock: SlaClock): boolean => clock.pauses.at(-1)?.to === null;

/** Pauses as intervals as seen at `t`: an open one runs to `t`; later parts are cut off. */
function pausesAt(clock: SlaClock, t: number): Interval[] {
  return clock.pauses
    .map((pause): Interval => [pause.from.getTime(), Math.min(pause.to?.getTime() ?? t, t)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
}

/** Measured time in [a, b] outside the pauses. */
function activeBetween(measure: Measure, pauses: Interval[], a: number, b: number): number {
  if (b <= a) return 0;
  let paused = 0;
  for (const [from, to] of pauses) {
    const start = Math.max(from, a);
    const end = Math.min(to, b);
    if (start < end) paused += measure.between(start, end);
  }
  return measure.between(a, b) - paused;
}

/** The instant at which `amount` of measured time outside the pauses has passed after `from`. */
function advanceActive(measure: Measure, pauses: Interval[], from: number, amount: number): number {
  let cursor = from;
  let left = amount;
  for (const [pauseStart, pauseEnd] of pauses) {
    if (pauseEnd <= cursor) continue;
    if (pauseStart > cursor) {
      const available = measure.between(cursor, pauseStart);
      if (available >= left) return measure.advance(cursor, left);
      left -= available;
    }
    cursor = pauseEnd;
  }
  return measure.advance(cursor, left);
}

/**
 * The deadline at `t`: the latest approved extension's date (else the start's), moved by the
 * paused time since that approval. For working-time targets only the working time inside a
 * pause moves it (a pause over a weekend moves nothing); for minutes, hours and calendar days
 * the whole pause does.
 */
function dueAtInstant(measure: Measure, clock: SlaClock, pauses: Interval[], t: number): number {
  const extension = clock.extensions
    .filter((e) => e.approvedAt.getTime() <= t)
    .reduce<ClockExtension | null>(
      (latest, e) => (latest && latest.approvedAt > e.approvedAt ? latest : e),
      null,
    );
  const base = (extension?.newDueAt ?? clock.dueAt).getTime();
  const since = extension?.approvedAt.getTime() ?? Number.NEGATIVE_INFINITY;
  let shift = 0;
  for (const [from, to] of pauses) {
    const start = Math.max(from, since);
    if (start < to) shift += measure.between(start, to);
  }
  return shift > 0 ? measure.advance(base, shift) : base;
}

const validShare = (share: number | null): share is number =>
  share !== null && share > 0 && share < 1;

/** The clock at `now`; a stopped clock is frozen at its stop. */
export function clockState(calendar: WorkCalendar, clock: SlaClock, now: Date): ClockState {
  const measure = measureFor(calendar, clock.target);
  const stopped = clock.stoppedAt !== null && clock.stoppedAt <= now;
  const t = stopped ? clock.stoppedAt!.getTime() : now.getTime();
  const start = clock.startedAt.getTime();
  const pauses = pausesAt(clock, t);
  const due = dueAtInstant(measure, clock, pauses, t);
  const allowed = activeBetween(measure, pauses, start, due);
  const used = activeBetween(measure, pauses, start, t);
  const elapsedShare = allowed > 0 ? used / allowed : t >= due ? 1 : 0;
  const warningAt = validShare(clock.warnAtShare)
    ? new Date(advanceActive(measure, pauses, start, Math.ceil(clock.warnAtShare * allowed)))
    : null;
  return {
    dueAt: new Date(due),
    warningAt,
    elapsedShare,
    warning: warningAt !== null && t >= warningAt.getTime(),
    breached: t >= due,
    paused: !stopped && isPaused(clock) && clock.pauses.at(-1)!.from <= now,
    stopped,
    remaining: due - t,
  };
}

/**
 * The next instant the sweep must look at this clock: the warning instant until the warning
 * has fired, then the deadline until the breach has fired, then never. Null while paused or
 * stopped (resume recomputes it). The instant may be in the past after downtime: the sweep
 * then fires what it missed, in order.
 */
export function nextEventAt(calendar: WorkCalendar, clock: SlaClock, now: Date): Date | null {
  if (clock.stoppedAt !== null || isPaused(clock)) return null;
  const state = clockState(calendar, clock, now);
  if (clock.warnedAt === null && state.warningAt !== null) return state.warningAt;
  if (clock.breachedAt === null) return state.dueAt;
  return null;
}

const ok = (clock: SlaClock): ClockResult => ({ ok: true, clock });
const fail = (error: ClockError): ClockResult => ({ ok: false, error });

/** Everything recorded on the clock happened at or before this instant. */
function lastRecorded(clock: SlaClock): number {
  return Math.max(
    clock.startedAt.getTime(),
    ...clock.pauses.map((pause) => (pause.to ?? pause.from).getTime()),
    ...clock.extensions.map((extension) => extension.approvedAt.getTime()),
  );
}

/** Stops the countdown at `at`; a reason is required (and the customer is told). */
export function pauseClock(clock: SlaClock, at: Date, reason: string): ClockResult {
  if (clock.stoppedAt !== null) return fail("stopped");
  if (isPaused(clock)) return fail("already_paused");
  if (reason.trim() === "") return fail("reason_required");
  if (at.getTime() < lastRecorded(clock)) return fail("out_of_order");
  return ok({ ...clock, pauses: [...clock.pauses, { from: at, to: null, reason: reason.trim() }] });
}

export function resumeClock(clock: SlaClock, at: Date): ClockResult {
  if (clock.stoppedAt !== null) return fail("stopped");
  const open = clock.pauses.at(-1);
  if (!open || open.to !== null) return fail("not_paused");
  if (at.getTime() < lastRecorded(clock)) return fail("out_of_order");
  return ok({ ...clock, pauses: [...clock.pauses.slice(0, -1), { ...open, to: at }] });
}

/** The act is done: the clock freezes (an open pause ends here). */
export function stopClock(clock: SlaClock, at: Date): ClockResult {
  if (clock.stoppedAt !== null) return fail("stopped");
  if (at.getTime() < lastRecorded(clock)) return fail("out_of_order");
  const pauses = clock.pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause));
  return ok({ ...clock, pauses, stoppedAt: at });
}

/**
 * An approved extension (延期): the new deadline must be later than the one in force at the
 * approval. It starts a fresh warning/breach cycle for the new deadline (the old events stay
 * on the timeline), so the warning fires again, at once if the new deadline is already near.
 */
export function extendClock(
  calendar: WorkCalendar,
  clock: SlaClock,
  newDueAt: Date,
  approvedAt: Date,
): ClockResult {
  if (clock.stoppedAt !== null) return fail("stopped");
  if (approvedAt.getTime() < lastRecorded(clock)) return fail("out_of_order");
  if (newDueAt <= clockState(calendar, clock, approvedAt).dueAt) return fail("not_later");
  return ok({
    ...clock,
    extensions: [...clock.extensions, { newDueAt, approvedAt }],
    warnedAt: null,
    breachedAt: null,
  });
}

/** Records that the sweep fired the warning (the first record stands). */
export function markWarned(clock: SlaClock, at: Date): SlaClock {
  return clock.warnedAt ? clock : { ...clock, warnedAt: at };
}

/** Records that the sweep fired the breach (the first record stands). */
export function markBreached(clock: SlaClock, at: Date): SlaClock {
  return clock.breachedAt ? clock : { ...clock, breachedAt: at };
}
