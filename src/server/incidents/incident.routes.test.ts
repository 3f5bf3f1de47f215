import { describe, expect, it } from "vitest";
import { ApiClient } from "../../test/api-client.js";
import { dispatchedComplaint, eventTypes, getComplaint } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const department = await w.department();
  return {
    department,
    agent: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: department.id }),
  };
});

type Incident = {
  id: string;
  title: string;
  status: string;
  version: number;
  complaintCount: number;
  allowedActions: string[];
};

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

async function publish(fields: Record<string, unknown> = {}) {
  const res = await world.supervisor.client.post<Incident>("/incidents", {
    title: "城东支行ATM故障",
    description: "唯一一台ATM吞卡后停用，维修预计下午三点。",
    location: "城东支行",
    area: "城东支行",
    category: "service",
    startsAt: hourAgo(),
    customerWording: "城东支行ATM暂停服务，预计15:00恢复，可到柜台或附近城北支行取款。",
    ...fields,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const titles = (res: { body: { items: Incident[] } }) => res.body.items.map((i) => i.title);

describe("publishing (发布服务公告)", () => {
  it("lets supervisors publish and edit, agents only read", async () => {
    const made = await publish({ title: "发布测试" });
    expect(made).toMatchObject({ status: "live", version: 1, complaintCount: 0, public: false });
    expect(made.allowedActions).toEqual(["edit", "resolve", "link"]);
    const asAgent = await world.agent.client.get<Incident>(`/incidents/${made.id}`);
    expect(asAgent.body.allowedActions).toEqual(["link"]);
    const refused = await world.agent.client.post("/incidents", {
      title: "x",
      description: "x",
      location: "x",
      startsAt: hourAgo(),
      customerWording: "x",
    });
    expect(refused.status).toBe(403);
    const edited = await world.supervisor.client.patch(`/incidents/${made.id}`, {
      version: 1,
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(edited.body).toMatchObject({ version: 2 });
    const stale = await world.admin.patch(`/incidents/${made.id}`, { version: 1, title: "旧" });
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: 2 });
  });

  it("refuses an end before the start and a category not on the list", async () => {
    const backwards = await world.supervisor.client.post("/incidents", {
      title: "倒置",
      description: "x",
      location: "x",
      startsAt: hourAgo(),
      endsAt: new Date(Date.now() - 7_200_000).toISOString(),
      customerWording: "x",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: "body.endsAt" });
    const unknown = await world.supervisor.client.post("/incidents", {
      title: "未知类别",
      description: "x",
      location: "x",
      category: "no_such_category",
      startsAt: hourAgo(),
      customerWording: "x",
    });
    expect(unknown.body.errors[0]).toMatchObject({ field: "body.category", code: "unknown_term" });
  });

  it("lists for intake only live, started incidents matching the call", async () => {
    await publish({ title: "匹配-信用卡", category: "service", businessType: "credit_card" });
    await publish({ title: "匹配-全部", category: null, area: null });
    await publish({
      title: "匹配-未开始",
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await publish({ title: "匹配-别处", area: "城西支行" });
    const intake = async (query: string) =>
      titles(await world.agent.client.get(`/incidents?live=true&${query}`)).filter((t) =>
        t.startsWith("匹配"),
      );
    expect((await intake("category=service")).sort()).toEqual(
      ["匹配-信用卡", "匹配-全部", "匹配-别处"].sort(),
    );
    expect(await intake("category=billing")).toEqual(["匹配-全部"]);
    // Areas compare as typed: a space in front changes nothing.
    expect((await intake("businessType=credit_card&area=%20城西支行")).sort()).toEqual(
      ["匹配-全部", "匹配-别处"].sort(),
    );
    expect(await intake("area=城北支行&businessType=deposit")).toEqual(["匹配-全部"]);
  });
});

describe("linking complaints (关联投诉)", () => {
  it("links in one request, counts, writes the timeline, and refuses a second link", async () => {
    const incident = await publish({ title: "关联测试" });
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const linked = await world.agent.client.post<Incident>(`/incidents/${incident.id}/complaints`, {
      complaintId: c.id,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.complaintCount).toBe(1);
    const after = await getComplaint(world.agent.client, c.id);
    expect(eventTypes(after)).toContain("incident_linked");
    const event = after.timeline.find((e) => e.type === "incident_linked")!;
    expect(event.actor.agentNo).toBe(world.agent.user.agentNo);
    expect(event.data).toMatchObject({ incidentId: incident.id, title: "关联测试" });

    const again = await world.agent.client.post(`/incidents/${incident.id}/complaints`, {
      complaintId: c.id,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("duplicate");

    const detail = await world.quality.client.get(`/incidents/${incident.id}`);
    expect(detail.body.complaintCount).toBe(1);
    expect(detail.body.complaints).toMatchObject([{ id: c.id, number: c.number }]);
    const forCase = await world.agent.client.get(`/incidents?complaintId=${c.id}`);
    expect(titles(forCase)).toEqual(["关联测试"]);
  });

  it("hides a case the caller cannot see, and refuses roles that do not take cases", async () => {
    const incident = await publish({ title: "可见性" });
    const c = await makeComplaint(world.agent.client);
    const quality = await world.quality.client.post(`/incidents/${incident.id}/complaints`, {
      complaintId: c.id,
    });
    expect(quality.status).toBe(403);
    await world.agent.client.post(`/incidents/${incident.id}/complaints`, { complaintId: c.id });
    // The handler reads the incident but not another department's case under it.
    const seen = await world.handler.client.get(`/incidents/${incident.id}`);
    expect(seen.body).toMatchObject({ complaintCount: 1, complaints: [] });
    expect((await world.handler.client.get(`/incidents?complaintId=${c.id}`)).status).toBe(404);
    const missing = await world.agent.client.post(`/incidents/${incident.id}/complaints`, {
      complaintId: "00000000-0000-4000-8000-000000000000",
    });
    expect(missing.status).toBe(404);
  });
});

describe("resolving with one reply to every linked case (解除并统一答复)", () => {
  it("replies each case that can be, skips the rest with the reason, and closes the incident", async () => {
    const incident = await publish({ title: "统一答复" });
    const open = await makeComplaint(world.supervisor.client);
    const withDepartment = await dispatchedComplaint(world.supervisor.client, world.department.id);
    const answered = await makeComplaint(world.supervisor.client);
    await world.supervisor.client.command(answered.id, "reply", {
      version: answered.version,
      message: "已单独答复",
    });
    for (const c of [open, withDepartment, answered])
      await world.agent.client.post(`/incidents/${incident.id}/complaints`, { complaintId: c.id });

    const agentTries = await world.agent.client.post(`/incidents/${incident.id}/resolve`, {
      version: 1,
      reply: "x",
    });
    expect(agentTries.status).toBe(403);

    const res = await world.supervisor.client.post(`/incidents/${incident.id}/resolve`, {
      version: 1,
      reply: "ATM已于15:00修复，给您带来不便深表歉意。",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "resolved", complaintCount: 3 });
    expect(res.body.bulkReply.replied).toEqual([{ complaintId: open.id, number: open.number }]);
    expect(
      res.body.bulkReply.skipped.map((s: { complaintId: string }) => s.complaintId).sort(),
    ).toEqual([withDepartment.id, answered.id].sort());
    for (const s of res.body.bulkReply.skipped) {
      expect(s.reason).toBe("invalid_transition");
      expect(s.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const replied = await getComplaint(world.agent.client, open.id);
    expect(replied.status).toBe("replied");
    expect(replied.timeline.at(-1)).toMatchObject({
      type: "replied",
      data: { message: "ATM已于15:00修复，给您带来不便深表歉意。" },
    });
    expect((await getComplaint(world.agent.client, withDepartment.id)).status).toBe("dispatched");

    const late = await world.agent.client.post(`/incidents/${incident.id}/complaints`, {
      complaintId: (await makeComplaint(world.agent.client)).id,
    });
    expect(late.body.code).toBe("incident_resolved");
    const twice = await world.supervisor.client.post(`/incidents/${incident.id}/resolve`, {
      version: 2,
    });
    expect(twice.body.code).toBe("incident_resolved");
    const live = await world.agent.client.get("/incidents?live=true");
    expect(titles(live)).not.toContain("统一答复");
  });

  it("resolves without a reply when none is given", async () => {
    const incident = await publish({ title: "无答复解除" });
    const res = await world.admin.post(`/incidents/${incident.id}/resolve`, { version: 1 });
    expect(res.body).toMatchObject({ status: "resolved", bulkReply: null, resolution: null });
  });
});

describe("the portal's 服务公告", () => {
  it("shows only public live incidents, in the customer's words, with nothing of staff or cases", async () => {
    const shown = await publish({ title: "门户-公开", public: true });
    await publish({ title: "门户-内部", public: false });
    const over = await publish({ title: "门户-已解除", public: true });
    await world.supervisor.client.post(`/incidents/${over.id}/resolve`, { version: 1 });
    const anyone = new ApiClient(world.server.api);
    const res = await anyone.get("/portal/incidents");
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: { title: string }) => i.title.startsWith("门户"));
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(
      ["customerWording", "endsAt", "id", "location", "startsAt", "title"].sort(),
    );
    expect(mine[0].id).toBe(shown.id);
  });
});
