import { describe, expect, it } from "vitest";
import { ApiClient, type Untyped } from "../../test/api-client.js";
import { mobile } from "../../test/factories.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(
  { env: { KESU_CUSTOMER_MESSAGES: "sms", KESU_PUBLIC_URL: "https://kesu.example.test" } },
  async ({ staff }) => ({ agent: await staff("agent") }),
);

let addresses = 0;
/** A customer's phone browser: its own address (behind the proxy kesu trusts), no session. */
function customer(address = `203.0.113.${++addresses}`) {
  return (path: string, body: unknown) =>
    new ApiClient(world.server.api).request<Untyped>("POST", path, body, {
      "x-forwarded-for": address,
    });
}

/** The latest text message queued to this phone. */
async function lastText(phone: string): Promise<string> {
  const { rows } = await world.server.db.$client.query(
    "select payload->>'text' as text from outbox where channel = 'sms' and payload->>'to' = $1 order by id desc limit 1",
    [phone],
  );
  return rows[0]?.text ?? "";
}
const codeIn = (text: string) => /验证码是(\d{6})/.exec(text)![1]!;

async function filed(post = customer(), phone = mobile()) {
  expect((await post("/portal/codes", { phone })).status).toBe(202);
  const res = await post("/portal/complaints", {
    phone,
    code: codeIn(await lastText(phone)),
    name: "李女士",
    subject: "网点排队两小时无人处理",
    description: "周六上午在中山路网点排队两个小时，柜台只开一个窗口，大堂经理不在。",
    demand: "改进排队管理并致歉",
  });
  expect(res.status).toBe(201);
  return { phone, post, ...(res.body as { number: string; accessCode: string }) };
}

describe("the customer portal", () => {
  it("files a complaint on the portal channel with a code-verified phone, tracks it, adds to it, reads the reply and answers the survey once", async () => {
    const { phone, post, number, accessCode } = await filed();
    expect(number).toMatch(/\d/);
    expect(accessCode).toMatch(/^[2-9A-Z]{8}$/);
    // The acknowledgement went to the phone with the access code.
    expect(await lastText(phone)).toContain(`查询码${accessCode}`);

    const found = await world.agent.client.listComplaints(`?q=${number}`);
    const listed = found.items.find((c) => c.number === number)!;
    const c = await world.agent.client.complaint(listed.id);
    expect([c.channel, c.status]).toEqual(["portal", "received"]);
    expect(c.dueAt).not.toBeNull();

    const tracked = await post("/portal/track", { number, phone, accessCode });
    expect(tracked.status).toBe(200);
    expect(tracked.body.stage).toBe("received");
    expect(tracked.body.messages[0].text).toContain(number);

    const added = await post("/portal/information", {
      number,
      phone,
      accessCode,
      text: "补充：当天排队号码是A128，有照片。",
    });
    expect(added.status).toBe(200);
    expect(added.body.additions.map((a: { text: string }) => a.text)).toEqual([
      "补充：当天排队号码是A128，有照片。",
    ]);
    const form = new FormData();
    form.set("number", number);
    form.set("phone", phone);
    form.set("accessCode", accessCode);
    form.set("file", new Blob([Buffer.from("%PDF-1.4\n%%EOF\n")]), "receipt.pdf");
    expect((await post("/portal/attachments", form)).status).toBe(201);

    await world.agent.client.command(c.id, "note", { text: "内部备注：客户曾多次投诉该网点" });
    let now = await world.agent.client.complaint(c.id);
    await world.agent.client.command(c.id, "reply", {
      version: now.version,
      message: "经核实，当天窗口排班不足，已向您致歉并调整周末排班。",
    });
    const replied = (await post("/portal/track", { number, phone, accessCode })).body;
    expect(replied.stage).toBe("replied");
    expect(replied.replies[0].message).toContain("已向您致歉");
    expect(replied.ownerAgentNo).toBe(world.agent.user.agentNo);
    expect(JSON.stringify(replied)).not.toContain("内部备注");

    const link = /https:\/\/kesu\.example\.test\/s\/([\w-]+)/.exec(await lastText(phone))!;
    const token = link[1]!;
    // Opening the link (as a mail scanner would) only shows the form.
    const page = await fetch(`${world.server.api.replace("/api/v1", "")}/s/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("基本满意");
    now = await world.agent.client.complaint(c.id);
    expect([now.status, now.satisfaction, now.version]).toEqual(["replied", null, now.version]);
    const before = now.version;
    expect(
      (await new ApiClient(world.server.api).get(`/portal/surveys/${token}`)).body.answered,
    ).toBe(false);
    expect((await world.agent.client.complaint(c.id)).version).toBe(before);

    const answered = await post(`/portal/surveys/${token}`, {
      satisfaction: "satisfied",
      comment: "处理及时",
    });
    expect(answered.status).toBe(200);
    now = await world.agent.client.complaint(c.id);
    expect([now.status, now.satisfaction]).toEqual(["followed_up", "satisfied"]);
    const again = await post(`/portal/surveys/${token}`, { satisfaction: "dissatisfied" });
    expect([again.status, again.body.code]).toEqual([409, "survey_answered"]);
    expect((await world.agent.client.complaint(c.id)).satisfaction).toBe("satisfied");
  });

  it("asks the owner to follow up when the customer is dissatisfied with a reply", async () => {
    const { phone, number } = await filed();
    const found = await world.agent.client.listComplaints(`?q=${number}`);
    const id = found.items.find((c) => c.number === number)!.id;
    const c = await world.agent.client.complaint(id);
    await world.agent.client.command(id, "reply", { version: c.version, message: "已处理。" });
    const token = /\/s\/([\w-]+)/.exec(await lastText(phone))![1]!;
    const form = await fetch(`${world.server.api.replace("/api/v1", "")}/s/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ satisfaction: "dissatisfied", comment: "没解决" }),
    });
    expect(form.status).toBe(200);
    const after = await world.agent.client.complaint(id);
    expect([after.status, after.satisfaction]).toEqual(["replied", "dissatisfied"]);
    const bell = await world.agent.client.get("/notifications");
    expect(JSON.stringify(bell.body)).toContain("survey_dissatisfied");
  });

  it("answers a wrong access code and a number that does not exist alike", async () => {
    const { phone, number, post } = await filed();
    const wrong = await post("/portal/track", { number, phone, accessCode: "ZZZZZZZZ" });
    const missing = await post("/portal/track", {
      number: "TS29991231-9999",
      phone,
      accessCode: "ZZZZZZZZ",
    });
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(wrong.status).toBe(404);
    expect([missing.status, strip(missing.body)]).toEqual([wrong.status, strip(wrong.body)]);
    const otherPhone = await post("/portal/track", { number, phone: mobile(), accessCode: "X" });
    expect(strip(otherPhone.body)).toEqual(strip(wrong.body));
  });

  it("tracks with a fresh SMS code instead of the access code", async () => {
    const { phone, number, post } = await filed();
    await post("/portal/codes", { phone });
    const code = codeIn(await lastText(phone));
    expect((await post("/portal/track", { number, phone, code })).status).toBe(200);
    // The code is used up.
    expect((await post("/portal/track", { number, phone, code })).status).toBe(404);
  });

  it("lets a code be tried five times, then not even the right one opens", async () => {
    const post = customer();
    const phone = mobile();
    await post("/portal/codes", { phone });
    const code = codeIn(await lastText(phone));
    const wrong = code === "000000" ? "111111" : "000000";
    const body = { phone, name: "赵先生", subject: "测试", description: "测试" };
    for (let i = 0; i < 5; i++)
      expect((await post("/portal/complaints", { ...body, code: wrong })).status).toBe(400);
    const late = await post("/portal/complaints", { ...body, code });
    expect([late.status, late.body.code]).toEqual([400, "portal_code_invalid"]);
  });

  it("limits codes per phone and per address", async () => {
    const phone = mobile();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await customer()("/portal/codes", { phone })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const post = customer();
    const byAddress = [];
    for (let i = 0; i < 11; i++)
      byAddress.push((await post("/portal/codes", { phone: mobile() })).status);
    expect(byAddress.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(byAddress[10]).toBe(429);
  });

  it("caps the text a customer may write", async () => {
    const post = customer();
    const res = await post("/portal/complaints", {
      phone: mobile(),
      code: "123456",
      name: "周",
      subject: "测试",
      description: "长".repeat(2001),
    });
    expect(res.status).toBe(400);
  });

  it("shows nothing of a confidential case", async () => {
    const { phone, number, accessCode, post } = await filed();
    const found = await world.agent.client.listComplaints(`?q=${number}`);
    const c = found.items.find((x) => x.number === number)!;
    const detail = await world.agent.client.complaint(c.id);
    await world.agent.client.patch<Complaint>(`/complaints/${c.id}`, {
      version: detail.version,
      flags: ["confidential"],
    });
    expect((await post("/portal/track", { number, phone, accessCode })).status).toBe(404);
  });
});
