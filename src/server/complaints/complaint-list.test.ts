import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, ApiResponse } from "../../test/api-client.js";
import { DAY } from "../../test/complaint-kit.js";
import { makeComplaint, mobile, type Staff } from "../../test/factories.js";
import { agentsAndSupervisors } from "../../test/staffings.js";
import type { Complaint, ComplaintListItem, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(agentsAndSupervisors);

describe("listing complaints", () => {
  let handler: Staff;
  let department: { id: string };
  /** In creation order; all in this describe's own category. */
  const made: Complaint[] = [];
  const category = "list_probe";
  const idsOf = (res: ApiResponse<Page<ComplaintListItem>>) => res.body.items.map((c) => c.id);
  const list = async (client: ApiClient, query: string) => {
    const res = await client.get<Page<ComplaintListItem>>(`/complaints?${query}`);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    department = await world.department();
    handler = await world.staff("department_handler", { departmentId: department.id });
    const term = await world.admin.post("/taxonomies/category", {
      code: category,
      labelZh: "列表测试",
      labelEn: "List probe",
    });
    expect(term.status).toBe(201);
    const specs: Record<string, unknown>[] = [
      { customer: { name: "欧阳娜娜", phone: "13612345678" }, subject: "ATM吞卡未退还" },
      { kind: "inquiry", subject: "网银登录失败咨询" },
      { ownerId: world.agent.user.id, subject: "贷款利率上浮未告知" },
      { kind: "help", ownerId: world.agent.user.id, subject: "老人存折挂失求助" },
      { kind: "suggestion", subject: "建议增加周末营业网点" },
      {
        subject: "市民热线转办：扣费争议",
        source: {
          type: "transfer",
          hotline: "12345",
          externalDueAt: new Date(Date.now() + DAY).toISOString(),
        },
      },
      { kind: "report", subject: "举报理财经理私售产品" },
    ];
    for (const spec of specs)
      made.push(await makeComplaint(world.agent.client, { category, ...spec }));
    const dispatched = await world.agent.client.post(`/complaints/${made[3]!.id}/dispatch`, {
      version: made[3]!.version,
      departments: [{ departmentId: department.id }],
    });
    expect(dispatched.status).toBe(200);
  });

  it("lists newest first by default", async () => {
    const res = await list(world.agent.client, `category=${category}`);
    expect(idsOf(res)).toEqual(made.map((c) => c.id).reverse());
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[6]).toMatchObject({
      number: made[0]!.number,
      subject: "ATM吞卡未退还",
      customer: { name: "欧阳娜娜", phone: "13612345678" },
      status: "received",
      category,
    });
  });

  it("filters the cases still being worked with open=true, and the finished ones with open=false", async () => {
    const customer = { name: "闫先生", phone: mobile() };
    const finished = await makeComplaint(world.agent.client, {
      customer,
      ownerId: world.agent.user.id,
    });
    const ongoing = await makeComplaint(world.agent.client, { customer });
    await world.agent.client.post(`/complaints/${finished.id}/withdraw`, {
      version: finished.version,
    });
    const of = `customerId=${ongoing.customer.id}`;
    expect(idsOf(await list(world.agent.client, `${of}&open=true`))).toEqual([ongoing.id]);
    expect(idsOf(await list(world.agent.client, `${of}&open=false`))).toEqual([finished.id]);
  });

  it("filters by status, kind, owner and department", async () => {
    expect(idsOf(await list(world.agent.client, `category=${category}&status=assigned`))).toEqual([
      made[2]!.id,
    ]);
    expect(
      idsOf(
        await list(world.agent.client, `category=${category}&status=dispatched&status=assigned`),
      ),
    ).toEqual([made[3]!.id, made[2]!.id]);
    expect(idsOf(await list(world.agent.client, `category=${category}&kind=inquiry`))).toEqual([
      made[1]!.id,
    ]);
    expect(
      idsOf(await list(world.agent.client, `category=${category}&ownerId=${world.agent.user.id}`)),
    ).toEqual([made[3]!.id, made[2]!.id]);
    expect(idsOf(await list(world.agent.client, `departmentId=${department.id}`))).toEqual([
      made[3]!.id,
    ]);
  });

  it("searches by number, subject text, customer name and any spelling of the phone", async () => {
    const target = [made[0]!.id];
    for (const q of [
      made[0]!.number,
      made[0]!.number.toLowerCase(),
      "吞卡",
      "欧阳",
      "+86 136-1234-5678",
    ])
      expect(idsOf(await list(world.agent.client, `q=${encodeURIComponent(q)}`))).toEqual(target);
  });

  it("pages with a cursor through every row exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `category=${category}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await list(world.agent.client, query);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(res));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(made.map((c) => c.id).reverse());
  });

  it("orders the work queue by due date with sort=due, across pages too", async () => {
    const all = (await list(world.agent.client, `category=${category}&sort=due`)).body.items;
    const due = all.map((c) => new Date(c.dueAt!).getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(all[0]!.id).toBe(made[5]!.id); // the transfer due tomorrow
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `category=${category}&sort=due&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await list(world.agent.client, query);
      paged.push(...idsOf(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((c) => c.id));
  });

  it("refuses a forged cursor", async () => {
    const forged = [
      "bm90LWEtY3Vyc29y",
      Buffer.from(`+275760-09-13T00:00:00.000Z|${made[0]!.id}`).toString("base64url"),
    ];
    for (const cursor of forged) {
      const res = await world.agent.client.get(`/complaints?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("bad_request");
    }
  });

  it("shows a department handler only the complaints dispatched to their department", async () => {
    expect(idsOf(await list(handler.client, "limit=200"))).toEqual([made[3]!.id]);
    expect(idsOf(await list(handler.client, `category=${category}&status=received`))).toEqual([]);
  });
});
