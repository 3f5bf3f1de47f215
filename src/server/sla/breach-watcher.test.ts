import { describe, expect, it } from "vitest";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, NotificationList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const team = await w.department({ name: "收费客服组" });
  const teamAgent = await w.staff("agent", { departmentId: team.id });
  const teamLead = await w.staff("supervisor", { departmentId: team.id, agentNo: "9101" });
  const otherLead = await w.staff("supervisor", { agentNo: "9102" });
  // Price cases: reply within 2 hours, and a missed reply puts the team lead on watch.
  await w.server.db.$client.query(
    `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share, actions_on_breach)
     values ('test-watch', '收费 2 小时', 1, '{"categories":["price"]}',
       '{"customerReply":{"amount":2,"unit":"hours"},"resolution":{"amount":3,"unit":"hours"}}',
       null, '["add_supervisor_watcher"]')`,
  );
  return { teamAgent, teamLead, otherLead };
});

const watchersOf = async (complaintId: string) =>
  (
    await world.server.db.$client.query(
      "select user_id, reason from complaint_watchers where complaint_id = $1",
      [complaintId],
    )
  ).rows;
const bellOf = async (person: Staff, complaintId: string) =>
  (await person.client.get<NotificationList>("/notifications")).body.items
    .filter((n) => n.complaintId === complaintId)
    .map((n) => n.type)
    .sort();

describe("add_supervisor_watcher on a missed deadline", () => {
  it("puts the owner's team lead on watch once, who then hears what people do on the case", async () => {
    const c = await makeComplaint(world.teamAgent.client, {
      ownerId: world.teamAgent.user.id,
      category: "price",
    });
    await sweepAt(world.server.db, later(2 * HOUR + 60_000)); // the reply deadline
    await sweepAt(world.server.db, later(3 * HOUR + 60_000)); // the resolution deadline: no second watch

    expect(await watchersOf(c.id)).toEqual([
      { user_id: world.teamLead.user.id, reason: "sla_breached" },
    ]);
    const detail = (await world.admin.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(detail.version).toBe(c.version); // a watcher is no field of the case
    const added = detail.timeline.filter((e) => e.type === "watcher_added");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: { id: null },
      customerVisible: false,
      data: {
        watcher: {
          id: world.teamLead.user.id,
          agentNo: "9101",
          name: world.teamLead.user.displayName,
        },
        reason: "sla_breached",
        clock: "customerReply",
      },
    });
    expect(await bellOf(world.teamLead, c.id)).toEqual(["watcher_added"]);

    // From now on the lead hears of what others do, not of what they do themselves.
    await world.teamAgent.client.post<Complaint>(`/complaints/${c.id}/note`, {
      text: "已联系客户核实收费明细",
    });
    await world.teamLead.client.post<Complaint>(`/complaints/${c.id}/note`, {
      text: "请今天内答复客户",
    });
    expect(await bellOf(world.teamLead, c.id)).toEqual(["note", "watcher_added"]);
    const [note] = (
      await world.teamLead.client.get<NotificationList>("/notifications")
    ).body.items.filter((n) => n.type === "note" && n.complaintId === c.id);
    expect(note?.data).toMatchObject({ number: c.number, text: "已联系客户核实收费明细" });
    // Someone not watching hears nothing of the note.
    expect(await bellOf(world.otherLead, c.id)).toEqual([]);
  });
});
