// The search for complaints an 8D may answer too: same product, model or batch, or a similar
// text; open first; never those already on an 8D; within the caller's scope and masking.

import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import type { Complaint, QualityCase, SimilarComplaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const department = await w.department();
  return {
    department,
    agent: await w.staff("agent"),
    specialist: await w.staff("specialist"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: department.id }),
  };
});

const similarTo = async (c: QualityCase, by = world.specialist) => {
  const res = await by.client.get<{ items: SimilarComplaint[] }>(
    `/quality-cases/${c.id}/similar-complaints`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
};

const about = (subject: string, extra: Record<string, unknown> = {}) =>
  makeComplaint(world.agent.client, { subject, description: subject, ...extra });

describe("similar complaints", () => {
  it("finds the same model, batch and similar text, open first, and leaves out linked ones", async () => {
    const linked = await about("KM731 除湿机漏水");
    const c = (
      await world.specialist.client.post<QualityCase>("/quality-cases", {
        title: "除湿机水箱漏水",
        product: "除湿机",
        model: "KM731",
        batch: "B2611",
        complaintIds: [linked.id],
      })
    ).body;
    const sameModel = await about("买的KM731一直报警");
    const sameBatch = await about("批号B2611的机器异响");
    const sameText = await about("水箱漏水把地板泡了");
    const closedOne = await about("KM731 漏水后已修好");
    const withdrawn = await world.agent.client.post(`/complaints/${closedOne.id}/withdraw`, {
      version: closedOne.version,
      reason: "客户撤诉",
    });
    expect(withdrawn.status).toBe(200);
    await about("信用卡年费争议");
    const items = await similarTo(c);
    const numbers = items.map((i) => i.number);
    expect(numbers).toEqual(
      expect.arrayContaining([sameModel.number, sameBatch.number, sameText.number]),
    );
    expect(numbers).not.toContain(linked.number);
    expect(items.find((i) => i.number === sameModel.number)?.reasons).toContain("model");
    expect(items.find((i) => i.number === sameBatch.number)?.reasons).toContain("batch");
    expect(items.find((i) => i.number === sameText.number)?.reasons).toEqual(["text"]);
    expect(items.every((i) => !i.subject.includes("信用卡"))).toBe(true);
    const closed = items.findIndex((i) => i.number === closedOne.number);
    expect(closed).toBe(items.length - 1);
    expect(items[closed]!.open).toBe(false);

    // One click links it; it leaves the suggestions.
    const res = await world.specialist.client.post(`/quality-cases/${c.id}/complaints`, {
      complaintIds: [sameModel.id],
    });
    expect(res.status).toBe(200);
    expect((await similarTo(c)).map((i) => i.number)).not.toContain(sameModel.number);
  });

  it("answers the complaint page before the 8D exists, without the complaint it is opened from", async () => {
    const from = await about("QX55 净水器滤芯破裂");
    const other = await about("QX55 滤芯裂开");
    const res = await world.specialist.client.get<{ items: SimilarComplaint[] }>(
      `/quality-cases/similar-complaints?model=QX55&text=${encodeURIComponent("净水器滤芯破裂")}&exclude=${from.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.number)).toContain(other.number);
    expect(res.body.items.map((i) => i.number)).not.toContain(from.number);
  });

  it("keeps to the caller's scope and hides the customer from roles that may not see it", async () => {
    const hidden = await about("ZR19 热水器漏电");
    const dispatched = await about("ZR19 热水器不加热");
    await world.agent.client.post<Complaint>(`/complaints/${dispatched.id}/dispatch`, {
      version: dispatched.version,
      departments: [{ departmentId: world.department.id }],
    });
    const query = "/quality-cases/similar-complaints?model=ZR19";
    const byHandler = await world.handler.client.get<{ items: SimilarComplaint[] }>(query);
    expect(byHandler.body.items.map((i) => i.number)).toEqual([dispatched.number]);
    const bySpecialist = (await world.specialist.client.get<{ items: SimilarComplaint[] }>(query))
      .body;
    expect(bySpecialist.items.map((i) => i.number)).toContain(hidden.number);
    expect(bySpecialist.items[0]!.customerName).toBe("王女士");
    const byQuality = (await world.quality.client.get<{ items: SimilarComplaint[] }>(query)).body;
    expect(byQuality.items.length).toBeGreaterThan(0);
    expect(byQuality.items.every((i) => i.customerName === null)).toBe(true);
  });
});
