import { describe, expect, it } from "vitest";
import { workCalendar } from "./calendar.js";
import { chinaWorkCalendar } from "./china-holidays.js";
import {
  type ClockResult,
  clockState,
  extendClock,
  markBreached,
  markWarned,
  nextEventAt,
  pauseClock,
  resumeClock,
  type SlaClock,
  startClock,
  stopClock,
} from "./clock.js";

// Expected instants are worked out by hand; Beijing time is UTC+8 (November 2026 has no
// holidays: Monday 11-02, 11-09, 11-16, 11-23).
const china = chinaWorkCalendar();
const at = (iso: string) => new Date(iso);
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date | null) => date?.toISOString() ?? null;

const unwrap = (result: ClockResult): SlaClock => {
  if (!result.ok) throw new Error(result.error);
  return result.clock;
};
const paused = (clock: SlaClock, from: Date, to?: Date): SlaClock => {
  const pausedClock = unwrap(pauseClock(clock, from, "waiting for the appraisal"));
  return to ? unwrap(resumeClock(pausedClock, to)) : pausedClock;
};

// Bank: 15 calendar days from Monday 11-02 10:00 → the end of 11-17.
const bankClock = startClock(china, bj("2026-11-02T10:00"), { amount: 15, unit: "calendar_days" });
// 12345: 7 working days from Monday 11-02 10:00 → Wednesday 11-11 18:00.
const hotlineClock = startClock(china, bj("2026-11-02T10:00"), { amount: 7, unit: "working_days" });

describe("starting a clock", () => {
  it("takes the target's deadline", () => {
    expect(iso(bankClock.dueAt)).toBe("2026-11-17T15:59:59.999Z");
    expect(iso(hotlineClock.dueAt)).toBe("2026-11-11T10:00:00.000Z");
    expect(bankClock.warnAtShare).toBe(0.75);
  });

  it("takes an upper-level transfer's deadline when it is earlier, and warns at 75% of it", () => {
    const external = at("2026-11-30T10:00:00Z");
    const clock = startClock(
      china,
      bj("2026-11-23T10:00"),
      { amount: 15, unit: "calendar_days" },
      {
        externalDueAt: external,
      },
    );
    expect(clock.dueAt).toEqual(external);
    // 176 h allowed; 75% is 132 h after 11-23 02:00Z.
    expect(iso(clockState(china, clock, at("2026-11-24T00:00:00Z")).warningAt)).toBe(
      "2026-11-28T14:00:00.000Z",
    );
  });

  it("keeps its own deadline when the transfer's is later", () => {
    const clock = startClock(
      china,
      bj("2026-11-23T10:00"),
      { amount: 15, unit: "calendar_days" },
      {
        externalDueAt: at("2026-12-31T00:00:00Z"),
      },
    );
    expect(iso(clock.dueAt)).toBe("2026-12-08T15:59:59.999Z");
  });
});

describe("warning at 75% and breach at 100%", () => {
  const eightHours = startClock(china, at("2026-11-23T00:00:00Z"), { amount: 8, unit: "hours" });

  it.each([
    ["2026-11-23T00:00:00Z", 0, false, false, 8 * 3_600_000],
    ["2026-11-23T05:59:00Z", 359 / 480, false, false, 121 * 60_000],
    ["2026-11-23T06:00:00Z", 0.75, true, false, 2 * 3_600_000],
    ["2026-11-23T08:00:00Z", 1, true, true, 0],
    ["2026-11-23T10:00:00Z", 1.25, true, true, -2 * 3_600_000],
  ])(
    "at %s: share %d, warning %s, breached %s, remaining %i ms",
    (now, share, warning, breached, remaining) => {
      const state = clockState(china, eightHours, at(now));
      expect(iso(state.dueAt)).toBe("2026-11-23T08:00:00.000Z");
      expect(iso(state.warningAt)).toBe("2026-11-23T06:00:00.000Z");
      expect(state.elapsedShare).toBeCloseTo(share, 10);
      expect(state.warning).toBe(warning);
      expect(state.breached).toBe(breached);
      expect(state.remaining).toBe(remaining);
    },
  );

  it("warns in working time: 75% of 600 working minutes from Monday 09:00 is Monday 18:00", () => {
    const clock = startClock(china, bj("2026-11-23T09:00"), {
      amount: 600,
      unit: "working_minutes",
    });
    const state = clockState(china, clock, bj("2026-11-23T13:30"));
    expect(iso(state.dueAt)).toBe("2026-11-24T03:30:00.000Z"); // Tuesday 11:30
    expect(iso(state.warningAt)).toBe("2026-11-23T10:00:00.000Z"); // Monday 18:00
    expect(state.elapsedShare).toBeCloseTo(0.3, 10); // 180 of 600
  });

  it("warns a 7-working-day clock on the Tuesday of the second week", () => {
    // 3540 working minutes allowed (Monday 10:00–18:00 is 390, then 7 × 450); 75% is 2655.
    expect(iso(clockState(china, hotlineClock, bj("2026-11-03T10:00")).warningAt)).toBe(
      "2026-11-10T01:15:00.000Z", // Tuesday 11-10 09:15
    );
  });

  it("has no warning when the share is null", () => {
    const clock = startClock(
      china,
      at("2026-11-23T00:00:00Z"),
      { amount: 8, unit: "hours" },
      {
        warnAtShare: null,
      },
    );
    expect(clockState(china, clock, at("2026-11-23T07:00:00Z")).warningAt).toBeNull();
    expect(iso(nextEventAt(china, clock, at("2026-11-23T07:00:00Z")))).toBe(
      "2026-11-23T08:00:00.000Z",
    );
  });
});

describe("pauses", () => {
  it("move a calendar-day deadline by the whole pause", () => {
    const clock = paused(bankClock, bj("2026-11-05T10:00"), bj("2026-11-08T10:00"));
    expect(iso(clockState(china, clock, bj("2026-11-09T10:00")).dueAt)).toBe(
      "2026-11-20T15:59:59.999Z",
    );
  });

  it("move a working-day deadline by the working time inside the pause only", () => {
    // Friday 17:00 to Monday 10:00 holds 120 working minutes: Wednesday 18:00 → Thursday 11:00.
    const clock = paused(hotlineClock, bj("2026-11-06T17:00"), bj("2026-11-09T10:00"));
    const state = clockState(china, clock, bj("2026-11-09T10:00"));
    expect(iso(state.dueAt)).toBe("2026-11-12T03:00:00.000Z");
    // The warning moves too: 525 minutes left after Friday 17:00 → Monday 390 → Tuesday 11:15.
    expect(iso(state.warningAt)).toBe("2026-11-10T03:15:00.000Z");
  });

  it("over a weekend do not move a working-day deadline", () => {
    const clock = paused(hotlineClock, bj("2026-11-07T10:00"), bj("2026-11-08T20:00"));
    expect(iso(clockState(china, clock, bj("2026-11-09T10:00")).dueAt)).toBe(
      "2026-11-11T10:00:00.000Z",
    );
  });

  it("count an open pause up to now and freeze the countdown", () => {
    const clock = paused(bankClock, bj("2026-11-05T10:00"));
    const dayLater = clockState(china, clock, bj("2026-11-06T10:00"));
    const twoDaysLater = clockState(china, clock, bj("2026-11-07T10:00"));
    expect(dayLater.paused).toBe(true);
    expect(iso(dayLater.dueAt)).toBe("2026-11-18T15:59:59.999Z");
    expect(iso(twoDaysLater.dueAt)).toBe("2026-11-19T15:59:59.999Z");
    expect(dayLater.remaining).toBe(
      Date.parse("2026-11-18T15:59:59.999Z") - Date.parse("2026-11-06T02:00:00Z"),
    );
    expect(twoDaysLater.remaining).toBe(dayLater.remaining);
    expect(twoDaysLater.elapsedShare).toBe(dayLater.elapsedShare);
  });

  it("count an open working-time pause up to now", () => {
    const clock = paused(hotlineClock, bj("2026-11-06T17:00"));
    expect(iso(clockState(china, clock, bj("2026-11-09T10:00")).dueAt)).toBe(
      "2026-11-12T03:00:00.000Z",
    );
  });

  it("move an hours deadline and its warning", () => {
    const clock = paused(
      startClock(china, at("2026-11-23T00:00:00Z"), { amount: 8, unit: "hours" }),
      at("2026-11-23T01:00:00Z"),
      at("2026-11-23T02:00:00Z"),
    );
    const state = clockState(china, clock, at("2026-11-23T03:00:00Z"));
    expect(iso(state.dueAt)).toBe("2026-11-23T09:00:00.000Z");
    expect(iso(state.warningAt)).toBe("2026-11-23T07:00:00.000Z");
    expect(state.elapsedShare).toBeCloseTo(2 / 8, 10);
  });

  it.each<[string, () => ClockResult, string]>([
    [
      "pausing a paused clock",
      () => pauseClock(paused(bankClock, bj("2026-11-05T10:00")), bj("2026-11-06T10:00"), "again"),
      "already_paused",
    ],
    [
      "resuming a running clock",
      () => resumeClock(bankClock, bj("2026-11-05T10:00")),
      "not_paused",
    ],
    [
      "pausing without a reason",
      () => pauseClock(bankClock, bj("2026-11-05T10:00"), "  "),
      "reason_required",
    ],
    [
      "pausing before the start",
      () => pauseClock(bankClock, bj("2026-11-01T10:00"), "appraisal"),
      "out_of_order",
    ],
    [
      "resuming before the pause",
      () => resumeClock(paused(bankClock, bj("2026-11-05T10:00")), bj("2026-11-04T10:00")),
      "out_of_order",
    ],
    [
      "pausing a stopped clock",
      () =>
        pauseClock(
          unwrap(stopClock(bankClock, bj("2026-11-05T10:00"))),
          bj("2026-11-06T10:00"),
          "appraisal",
        ),
      "stopped",
    ],
  ])("refuse %s", (_, attempt, error) => {
    expect(attempt()).toEqual({ ok: false, error });
  });

  it("are pure: the original clock is unchanged", () => {
    paused(bankClock, bj("2026-11-05T10:00"));
    expect(bankClock.pauses).toEqual([]);
  });
});

describe("extensions", () => {
  const approvedAt = bj("2026-11-15T10:00");
  const newDue = at("2026-12-02T15:59:59.999Z");

  it("move the deadline to the approved date", () => {
    const clock = unwrap(extendClock(china, bankClock, newDue, approvedAt));
    const state = clockState(china, clock, bj("2026-11-20T10:00"));
    expect(state.dueAt).toEqual(newDue);
    expect(state.breached).toBe(false);
    // Before the approval the old deadline was in force.
    expect(iso(clockState(china, clock, bj("2026-11-10T10:00")).dueAt)).toBe(
      "2026-11-17T15:59:59.999Z",
    );
  });

  it("take earlier pauses as allowed for, and are moved by later ones", () => {
    const before = paused(bankClock, bj("2026-11-05T10:00"), bj("2026-11-08T10:00"));
    const extended = unwrap(extendClock(china, before, newDue, approvedAt));
    expect(clockState(china, extended, bj("2026-11-16T10:00")).dueAt).toEqual(newDue);
    const after = paused(extended, bj("2026-11-20T10:00"), bj("2026-11-21T10:00"));
    expect(iso(clockState(china, after, bj("2026-11-22T10:00")).dueAt)).toBe(
      "2026-12-03T15:59:59.999Z",
    );
  });

  it("must be later than the deadline in force, pauses included", () => {
    expect(extendClock(china, bankClock, at("2026-11-17T15:59:59.999Z"), approvedAt)).toEqual({
      ok: false,
      error: "not_later",
    });
    // The pause already moved the deadline to the end of 11-20.
    const before = paused(bankClock, bj("2026-11-05T10:00"), bj("2026-11-08T10:00"));
    expect(extendClock(china, before, at("2026-11-19T15:59:59.999Z"), approvedAt)).toEqual({
      ok: false,
      error: "not_later",
    });
  });

  it("start a fresh warning and breach cycle", () => {
    const fired = markBreached(
      markWarned(bankClock, bj("2026-11-13T10:00")),
      bj("2026-11-18T00:00"),
    );
    expect(nextEventAt(china, fired, bj("2026-11-18T10:00"))).toBeNull();
    const extended = unwrap(extendClock(china, fired, newDue, bj("2026-11-18T10:00")));
    expect(extended.warnedAt).toBeNull();
    expect(extended.breachedAt).toBeNull();
    expect(nextEventAt(china, extended, bj("2026-11-18T10:00"))).not.toBeNull();
  });
});

describe("stopping", () => {
  it("freezes the clock in time", () => {
    const clock = unwrap(stopClock(bankClock, bj("2026-11-10T10:00")));
    const state = clockState(china, clock, bj("2026-12-31T10:00"));
    expect(state.stopped).toBe(true);
    expect(state.breached).toBe(false);
    expect(state.remaining).toBe(
      Date.parse("2026-11-17T15:59:59.999Z") - Date.parse("2026-11-10T02:00:00Z"),
    );
  });

  it("records a late stop as breached", () => {
    const clock = unwrap(stopClock(hotlineClock, bj("2026-11-12T10:00")));
    expect(clockState(china, clock, bj("2026-12-31T10:00")).breached).toBe(true);
  });

  it("ends an open pause", () => {
    const clock = unwrap(
      stopClock(paused(bankClock, bj("2026-11-05T10:00")), bj("2026-11-06T10:00")),
    );
    expect(clock.pauses[0]?.to).toEqual(bj("2026-11-06T10:00"));
    expect(clockState(china, clock, bj("2026-11-07T10:00")).paused).toBe(false);
    expect(stopClock(clock, bj("2026-11-08T10:00"))).toEqual({ ok: false, error: "stopped" });
  });
});

describe("nextEventAt: what the sweep indexes", () => {
  const eightHours = startClock(china, at("2026-11-23T00:00:00Z"), { amount: 8, unit: "hours" });
  const now = at("2026-11-23T01:00:00Z");

  it("is the warning, then the deadline, then nothing", () => {
    expect(iso(nextEventAt(china, eightHours, now))).toBe("2026-11-23T06:00:00.000Z");
    const warned = markWarned(eightHours, at("2026-11-23T06:00:00Z"));
    expect(iso(nextEventAt(china, warned, now))).toBe("2026-11-23T08:00:00.000Z");
    const breached = markBreached(warned, at("2026-11-23T08:00:00Z"));
    expect(nextEventAt(china, breached, now)).toBeNull();
  });

  it("stays due in the past after downtime, so a missed warning still fires", () => {
    expect(iso(nextEventAt(china, eightHours, at("2026-11-24T00:00:00Z")))).toBe(
      "2026-11-23T06:00:00.000Z",
    );
  });

  it("is null while paused or stopped, and moved after a resume", () => {
    const pausedClock = paused(eightHours, at("2026-11-23T01:00:00Z"));
    expect(nextEventAt(china, pausedClock, at("2026-11-23T01:30:00Z"))).toBeNull();
    const resumed = unwrap(resumeClock(pausedClock, at("2026-11-23T03:00:00Z")));
    expect(iso(nextEventAt(china, resumed, at("2026-11-23T03:00:00Z")))).toBe(
      "2026-11-23T08:00:00.000Z",
    );
    const stopped = unwrap(stopClock(eightHours, at("2026-11-23T02:00:00Z")));
    expect(nextEventAt(china, stopped, at("2026-11-23T02:00:00Z"))).toBeNull();
  });
});

describe("America/New_York across the 2026-03-08 DST change", () => {
  const newYork = workCalendar({ timeZone: "America/New_York" });

  it("runs a 24-hour clock on elapsed time: Saturday 12:00 EST → Sunday 13:00 EDT", () => {
    const clock = startClock(newYork, at("2026-03-07T17:00:00Z"), { amount: 24, unit: "hours" });
    const state = clockState(newYork, clock, at("2026-03-08T12:00:00Z"));
    expect(iso(state.dueAt)).toBe("2026-03-08T17:00:00.000Z");
    expect(iso(state.warningAt)).toBe("2026-03-08T11:00:00.000Z"); // 18 h in, 07:00 EDT
    expect(state.warning).toBe(true);
  });
});
