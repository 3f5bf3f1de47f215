import { describe, expect, it } from "vitest";
import { defaultGroupPolicy, type GroupMember, groupAlertsDue } from "./group-complaint.js";

const now = new Date("2026-12-07T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

let n = 0;
function calls(count: number, over: Partial<GroupMember> = {}): GroupMember[] {
  return Array.from({ length: count }, () => {
    n += 1;
    return {
      complaintId: `c${n}`,
      customerId: `u${n}`,
      category: "service",
      area: "城东支行",
      at: minutesAgo(10),
      ...over,
    };
  });
}

describe("group complaint (群体性投诉) thresholds", () => {
  it("alerts at five distinct customers in two hours, not at four", () => {
    expect(groupAlertsDue(calls(4), [], defaultGroupPolicy, now)).toEqual([]);
    const [alert] = groupAlertsDue(calls(5), [], defaultGroupPolicy, now);
    expect(alert).toMatchObject({ category: "service", area: "城东支行", customers: 5 });
    expect(alert!.complaintIds).toHaveLength(5);
  });

  it("counts customers, not complaints: one caller ringing six times is no group", () => {
    expect(groupAlertsDue(calls(6, { customerId: "same" }), [], defaultGroupPolicy, now)).toEqual(
      [],
    );
    const four = calls(4);
    const again = calls(3, { customerId: four[0]!.customerId });
    expect(groupAlertsDue([...four, ...again], [], defaultGroupPolicy, now)).toEqual([]);
  });

  it("leaves out complaints older than the window, and takes one just inside it", () => {
    const old = calls(2, { at: minutesAgo(121) });
    const edge = calls(1, { at: minutesAgo(120) });
    expect(groupAlertsDue([...calls(3), ...old], [], defaultGroupPolicy, now)).toEqual([]);
    // Exactly 120 minutes ago is the window's open start: not inside.
    expect(groupAlertsDue([...calls(4), ...edge], [], defaultGroupPolicy, now)).toEqual([]);
    const inside = calls(1, { at: minutesAgo(119) });
    expect(groupAlertsDue([...calls(4), ...inside], [], defaultGroupPolicy, now)).toHaveLength(1);
  });

  it("keeps categories and areas apart; no area is a group of its own", () => {
    const mixed = [
      ...calls(3),
      ...calls(2, { area: "城西支行" }),
      ...calls(2, { category: "billing" }),
      ...calls(5, { area: null }),
    ];
    const alerts = groupAlertsDue(mixed, [], defaultGroupPolicy, now);
    expect(alerts.map((a) => [a.category, a.area])).toEqual([["service", null]]);
  });

  it("alerts once per group and window: a recent alert silences it, an older one does not", () => {
    const members = calls(8);
    const recent = [{ category: "service", area: "城东支行", raisedAt: minutesAgo(30) }];
    expect(groupAlertsDue(members, recent, defaultGroupPolicy, now)).toEqual([]);
    const old = [{ category: "service", area: "城东支行", raisedAt: minutesAgo(121) }];
    expect(groupAlertsDue(members, old, defaultGroupPolicy, now)).toHaveLength(1);
    const elsewhere = [{ category: "service", area: "城西支行", raisedAt: minutesAgo(30) }];
    expect(groupAlertsDue(members, elsewhere, defaultGroupPolicy, now)).toHaveLength(1);
  });

  it("follows the policy's thresholds", () => {
    const policy = { minCustomers: 3, windowMinutes: 30 };
    expect(groupAlertsDue(calls(3, { at: minutesAgo(20) }), [], policy, now)).toHaveLength(1);
    expect(groupAlertsDue(calls(3, { at: minutesAgo(40) }), [], policy, now)).toEqual([]);
    const [alert] = groupAlertsDue(
      [...calls(2, { at: minutesAgo(25) }), ...calls(1, { at: minutesAgo(5) })],
      [],
      policy,
      now,
    );
    expect(alert).toMatchObject({ firstAt: minutesAgo(25), lastAt: minutesAgo(5) });
  });
});
