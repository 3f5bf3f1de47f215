// When each step of a demo case happens after its receipt: minutes to take ownership, hours to
// dispatch and sign for, days for a department's result, a day or two to reply and visit. Some
// results come late (past the 15-day reply deadline). A case still open must have done all its
// steps by now, so its steps are squeezed into the time it has had.

import type { DemoStep } from "./demo-plan.js";
import type { Random } from "./seeded-random.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The usual gap before each kind of step, [shortest, longest]. */
const gaps: Record<DemoStep["do"], readonly [number, number]> = {
  assign: [5 * MINUTE, 2 * HOUR],
  update: [5 * MINUTE, 4 * HOUR],
  dispatch: [30 * MINUTE, 6 * HOUR],
  accept: [1 * HOUR, 1 * DAY],
  return: [2 * HOUR, 2 * DAY],
  result: [1 * DAY, 8 * DAY],
  reply: [2 * HOUR, 2 * DAY],
  "follow-up": [1 * DAY, 3 * DAY],
  close: [10 * MINUTE, 1 * DAY],
  reopen: [1 * HOUR, 3 * DAY],
  escalate: [1 * HOUR, 2 * DAY],
  upgrade: [10 * MINUTE, 1 * DAY],
  withdraw: [1 * DAY, 5 * DAY],
  merge: [1 * HOUR, 2 * DAY],
  note: [30 * MINUTE, 1 * DAY],
  contact: [1 * HOUR, 3 * DAY],
  callback: [5 * MINUTE, 2 * HOUR],
};

/** Share of department results that come late, well past the reply deadline. */
const LATE_RESULTS = 0.12;
const late: readonly [number, number] = [14 * DAY, 24 * DAY];

const between = (rng: Random, [min, max]: readonly [number, number]) =>
  min + Math.floor(rng.next() * (max - min));

/** The planned instant of each step, after `receivedAt`, all before `now`. */
export function stepTimes(
  rng: Random,
  steps: readonly DemoStep[],
  receivedAt: Date,
  now: Date,
): Date[] {
  const spans = steps.map((s) =>
    between(rng, s.do === "result" && rng.chance(LATE_RESULTS) ? late : gaps[s.do]),
  );
  const total = spans.reduce((a, b) => a + b, 0);
  const room = now.getTime() - MINUTE - receivedAt.getTime();
  const squeeze = total > room ? Math.max(0, room) / total : 1;
  let at = receivedAt.getTime();
  return spans.map((span) => {
    at += Math.max(1000, Math.floor(span * squeeze));
    return new Date(Math.min(at, now.getTime()));
  });
}
