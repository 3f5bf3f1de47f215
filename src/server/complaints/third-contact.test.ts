// 事不过三 (seed 001, issue 13): the customer's third contact about a case not yet replied flags it
// once, writes one timeline event and tells the owner's supervisor.

import { describe, expect, it } from "vitest";
import { eventTypes, getComplaint } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import type { Complaint, Items, Notification } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const team = await w.department();
  const elsewhere = await w.department();
  return {
    agent: await w.staff("agent", { departmentId: team.id }),
    // Another department's supervisor with fewer cases: the owner's own team lead is told.
    otherSupervisor: await w.staff("supervisor", { departmentId: elsewhere.id, agentNo: "3000" }),
    supervisor: await w.staff("supervisor", { departmentId: team.id, agentNo: "3101" }),
  };
});

const ownCase = () => makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
/** The customer calls in (or is called) about the case; the intake itself was the first contact. */
const contact = (c: Pick<Complaint, "id">, direction: "inbound" | "outbound" = "inbound") =>
  world.agent.client.command(c.id, "contact", {
    direction,
    channel: "phone",
    summary: direction === "inbound" ? "客户来电催问进度" : "回电客户说明进度",
  });
const thirdContactNotices = async (staff: typeof world.supervisor, complaintId: string) =>
  (await staff.client.get<Items<Notification>>("/notifications")).body.items.filter(
    (n) => n.type === "third_contact" && n.complaintId === complaintId,
  );

describe("事不过三", () => {
  it("flags the third contact of an unanswered case once, on the timeline and to the owner's supervisor", async () => {
    const c = await ownCase();
    const second = await contact(c);
    expect(second.flags).not.toContain("third_contact");
    expect(eventTypes(second)).not.toContain("third_contact");

    const third = await contact(c, "outbound");
    expect(third.flags).toContain("third_contact");
    expect(third.timeline.at(-1)).toMatchObject({
      type: "third_contact",
      data: { contacts: 3, supervisorAgentNo: "3101" },
    });
    expect(await thirdContactNotices(world.supervisor, c.id)).toHaveLength(1);
    expect(await thirdContactNotices(world.otherSupervisor, c.id)).toHaveLength(0);

    const fourth = await contact(c);
    expect(eventTypes(fourth).filter((t) => t === "third_contact")).toHaveLength(1);
    expect(await thirdContactNotices(world.supervisor, c.id)).toHaveLength(1);
  });

  it("fires once when two contacts arrive together", async () => {
    const c = await ownCase();
    await contact(c);
    await Promise.all([contact(c), contact(c, "outbound")]);
    const after = await getComplaint(world.agent.client, c.id);
    expect(eventTypes(after).filter((t) => t === "third_contact")).toHaveLength(1);
    expect(await thirdContactNotices(world.supervisor, c.id)).toHaveLength(1);
  });

  it("leaves a replied case alone", async () => {
    const c = await ownCase();
    await world.agent.client.command(c.id, "reply", {
      version: c.version,
      message: "已为您核实处理。",
    });
    await contact(c);
    const third = await contact(c);
    expect(third.flags).not.toContain("third_contact");
  });

  it("counts the contacts of the cases merged into it", async () => {
    const parent = await ownCase();
    const repeat = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      customerId: parent.customer.id,
      customer: undefined,
    });
    await world.agent.client.command(repeat.id, "merge", {
      version: repeat.version,
      intoId: parent.id,
    });
    // The parent's intake, the repeat's intake, and this call: the third.
    const third = await contact(parent);
    expect(third.flags).toContain("third_contact");
    expect(third.timeline.at(-1)?.data).toMatchObject({ contacts: 3 });
  });
});
