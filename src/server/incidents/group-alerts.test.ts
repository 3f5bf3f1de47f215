import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";
import { renderEmail } from "../notifications/email-templates.js";
import { raiseGroupAlerts } from "./commands/raise-group-alerts.js";

const world = setupWorld(async (w) => {
  const supervisor = await w.staff("supervisor");
  await w.admin.patch(`/users/${supervisor.user.id}`, { email: "lead@example.test" });
  return {
    agent: await w.staff("agent"),
    supervisor,
    otherSupervisor: await w.staff("supervisor"),
  };
});

const policy = { minCustomers: 5, windowMinutes: 120 };

type Bell = { items: { type: string; data: Record<string, unknown> }[] };
async function groupAlerts(area: string) {
  const bell = await world.supervisor.client.get<Bell>("/notifications");
  return bell.body.items.filter((n) => n.type === "group_complaint" && n.data.area === area);
}

/** Complaints from `count` different new customers about the same branch and category. */
async function callers(count: number, branch: string) {
  const made = [];
  for (let i = 0; i < count; i += 1)
    made.push(
      await makeComplaint(world.agent.client, {
        category: "service",
        complainedBranch: branch,
        subject: "ATM故障无人告知",
      }),
    );
  return made;
}

describe("群体性投诉 alerts", () => {
  it("tells supervisors once when five customers complain about one branch within the window", async () => {
    const branch = `城东支行-${Date.now()}`;
    await callers(4, branch);
    await raiseGroupAlerts(world.server.db, new Date(), policy);
    expect(await groupAlerts(branch)).toEqual([]);

    const fifth = await callers(1, ` ${branch} `);
    await raiseGroupAlerts(world.server.db, new Date(), policy);
    const [alert, ...more] = await groupAlerts(branch);
    expect(more).toEqual([]);
    expect(alert!.data).toMatchObject({ category: "service", categoryZh: "服务", customers: 5 });
    expect((alert!.data.cases as { number: string }[]).map((c) => c.number)).toContain(
      fifth[0]!.number,
    );
    const other = await world.otherSupervisor.client.get<Bell>("/notifications");
    expect(other.body.items.some((n) => n.type === "group_complaint")).toBe(true);
    const agents = await world.agent.client.get<Bell>("/notifications");
    expect(agents.body.items.some((n) => n.type === "group_complaint")).toBe(false);

    // More calls within the same window: no second alert.
    await callers(3, branch);
    await raiseGroupAlerts(world.server.db, new Date(), policy);
    expect(await groupAlerts(branch)).toHaveLength(1);

    // The incidents page lists it for supervisors, under the area's key.
    const listed = await world.supervisor.client.get("/incidents/group-alerts");
    const kept = listed.body.items.filter((a: { area: string }) => a.area === branch.toLowerCase());
    expect(kept).toMatchObject([{ category: "service", customers: 5 }]);
    expect((await world.agent.client.get("/incidents/group-alerts")).status).toBe(403);
  });

  it("sends the supervisor a mail naming the group and its cases", async () => {
    const { rows } = await world.server.db.$client.query(
      "select event_type, payload from outbox where channel = 'email' and event_type = 'group_complaint' and payload->>'to' = $1",
      ["lead@example.test"],
    );
    expect(rows.length).toBeGreaterThan(0);
    const mail = renderEmail("group_complaint", rows[0].payload);
    expect(mail.subject).toMatch(/^【群体性投诉预警】服务·城东支行-\d+：5 位客户$/);
    expect(mail.text).toContain("120 分钟内有 5 位客户");
  });
});
