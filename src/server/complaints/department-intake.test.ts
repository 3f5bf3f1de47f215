import { describe, expect, it } from "vitest";
import { recordFinding } from "../../test/complaint-kit.js";
import { mobile } from "../../test/factories.js";
import type { Complaint, NotificationList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const sales = await w.department({ name: "销售部" });
  return {
    sales,
    handler: await w.staff("department_handler", { departmentId: sales.id }),
    agent: await w.staff("agent"),
  };
});

const handedOver = (overrides: Record<string, unknown> = {}) => ({
  kind: "complaint",
  channel: "phone",
  customer: { name: "赵先生", phone: mobile() },
  subject: "空调安装后漏水",
  description: "客户在门店反映：新装空调室内机漏水，已两次上门未修好。",
  ...overrides,
});

describe("转客服中心: a department hands a complaint to the center", () => {
  let logged: Complaint;

  it("lets a department handler register it: channel department, their department the origin, unowned", async () => {
    const res = await world.handler.client.post<Complaint>("/complaints", handedOver());
    expect(res.status).toBe(201);
    logged = res.body;
    expect(logged).toMatchObject({ channel: "department", status: "received", owner: null });
    const created = logged.timeline.find((e) => e.type === "created");
    expect(created?.data.origin).toEqual({ departmentId: world.sales.id });
    // Handlers see customers masked, the one they typed in too.
    expect(logged.customer.phone).toMatch(/\*/);
  });

  it("lands unowned in the center's queue with the normal clocks", async () => {
    const queue = await world.agent.client.listComplaints("?open=true&sort=due&limit=200");
    const item = queue.items.find((c) => c.id === logged.id);
    expect(item).toMatchObject({ ownerId: null, status: "received" });
    const seen = await world.agent.client.complaint(logged.id);
    expect(seen.customer.phone).not.toMatch(/\*/);
    expect(new Date(seen.dueAt!).getTime()).toBeGreaterThan(Date.now());
  });

  it("keeps the handler following it: in their list, as a watcher", async () => {
    const mine = await world.handler.client.listComplaints();
    expect(mine.items.map((c) => c.id)).toContain(logged.id);
    const seen = await world.handler.client.complaint(logged.id);
    expect(seen.watchers).toEqual([
      expect.objectContaining({ id: world.handler.user.id, reason: "logged" }),
    ]);
  });

  it("tells the handler in the bell when the center replies, and shows them the reply", async () => {
    const agent = world.agent.client;
    const assigned = await agent.command(logged.id, "assign", {
      version: logged.version,
      ownerId: world.agent.user.id,
    });
    const judged = await recordFinding(agent, assigned);
    await agent.command(logged.id, "reply", {
      version: judged.version,
      message: "已安排更换室内机",
    });
    const bell = await world.handler.client.ok<NotificationList>("GET", "/notifications");
    expect(bell.items).toContainEqual(
      expect.objectContaining({ complaintId: logged.id, type: "replied" }),
    );
    const after = await world.handler.client.complaint(logged.id);
    expect(after.status).toBe("replied");
  });

  it("refuses a handler choosing an existing customer or an owner", async () => {
    const other = await world.agent.client.createComplaint(handedOver() as never);
    const byId = await world.handler.client.post("/complaints", {
      ...handedOver({ customer: undefined }),
      customerId: other.customer.id,
    });
    expect(byId.status).toBe(403);
    const owned = await world.handler.client.post(
      "/complaints",
      handedOver({ ownerId: world.agent.user.id }),
    );
    expect(owned.status).toBe(403);
  });

  it("still hides cases the handler neither logged nor was dispatched", async () => {
    const other = await world.agent.client.createComplaint(handedOver() as never);
    expect((await world.handler.client.get(`/complaints/${other.id}`)).status).toBe(404);
  });
});
