import { createHash, randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../test/api-client.js";
import { makeComplaint, makeStaff, type Staff, signedInAdmin } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";
import type { Attachment, Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1×1 grey PNG, optionally padded with a private chunk to reach a size. */
function png(padTo = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 0x80]))),
  ];
  const size = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (padTo > size) parts.push(chunk("prIv", Buffer.alloc(padTo - size - 12, 7)));
  parts.push(chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

function form(content: Buffer | string, fileName: string, type = "application/octet-stream") {
  const body = new FormData();
  body.append("file", new Blob([content], { type }), fileName);
  return body;
}

const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

const world = setupWorld(async (w) => {
  const involved = await w.department();
  const uninvolved = await w.department();
  const agent = await w.staff("agent");
  const handler = await w.staff("department_handler", { departmentId: involved.id });
  const outsider = await w.staff("department_handler", { departmentId: uninvolved.id });
  const c = await makeComplaint(agent.client, { ownerId: agent.user.id });
  const complaint = (
    await agent.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: involved.id }],
    })
  ).body;
  return { agent, handler, outsider, complaint };
});

const upload = (staff: Staff, body: FormData, id = world.complaint.id) =>
  staff.client.post(`/complaints/${id}/attachments`, body);
const attachmentsOf = async (id = world.complaint.id) =>
  (await world.admin.get<Complaint>(`/complaints/${id}`)).body.attachments;

describe("uploading evidence", () => {
  it("stores a photo, lists it on the complaint and records who added it", async () => {
    const photo = png();
    const res = await upload(world.agent, form(photo, "银行卡照片.png", "image/png"));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: "银行卡照片.png",
      mediaType: "image/png",
      size: photo.length,
      sha256: sha256(photo),
      uploadedById: world.agent.user.id,
    });
    const detail = (await world.agent.client.get<Complaint>(`/complaints/${world.complaint.id}`))
      .body;
    expect(detail.attachments).toContainEqual(res.body);
    expect(detail.timeline.at(-1)).toMatchObject({
      type: "attachment_added",
      actor: { id: world.agent.user.id, agentNo: world.agent.user.agentNo },
      data: {
        attachmentId: res.body.id,
        fileName: "银行卡照片.png",
        mediaType: "image/png",
        size: photo.length,
      },
    });
  });

  it("gives back the same bytes and content type on download", async () => {
    const photo = png(4096);
    const created = (await upload(world.handler, form(photo, "回执.png"))).body;
    const res = await fetch(`${world.server.api}/attachments/${created.id}`, {
      headers: { cookie: world.agent.client.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("回执.png")}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(photo)).toBe(true);
  });

  it("detects a PDF from its content whatever the client calls it", async () => {
    const res = await upload(world.agent, form(pdf, "scan", "application/octet-stream"));
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe("application/pdf");
  });

  it("accepts a CSV statement as text/csv", async () => {
    const csv = Buffer.from(
      "交易日期,金额,摘要\n2026-11-01,-120.00,年费\n2026-11-02,-120.00,年费\n",
    );
    const res = await upload(world.agent, form(csv, "账单明细.csv", "text/csv"));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mediaType: "text/csv", size: csv.length });
  });

  it.each([
    ["an executable", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)])],
    ["random bytes", randomBytes(2048)],
  ])("refuses %s named photo.png with 415", async (_, content) => {
    const before = await attachmentsOf();
    const res = await upload(world.agent, form(content, "photo.png", "image/png"));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_media_type");
    expect(await attachmentsOf()).toEqual(before);
  });

  it("names the refused type when the upload is no form at all", async () => {
    const res = await world.agent.client.post(
      `/complaints/${world.complaint.id}/attachments`,
      "账单",
      {
        "content-type": "application/xml",
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.title).toMatch(/^不支持的文件类型（application\/xml）/);
  });

  it("refuses a request without a file", async () => {
    const body = new FormData();
    body.append("note", "没有文件");
    const res = await upload(world.agent, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad_request");
  });

  it.each([
    ["without a boundary", "multipart/form-data", "garbage"],
    [
      "cut short",
      "multipart/form-data; boundary=XX",
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
    ],
  ])("answers a multipart body %s with 400, not 500", async (_, type, body) => {
    const before = await attachmentsOf();
    const res = await fetch(`${world.server.api}/complaints/${world.complaint.id}/attachments`, {
      method: "POST",
      headers: { cookie: world.agent.client.cookie!, "content-type": type },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("bad_request");
    expect(await attachmentsOf()).toEqual(before);
  });

  it("accepts a file of a few megabytes under the default 20 MB limit", async () => {
    const photo = png(3 * 1_048_576);
    const res = await upload(world.agent, form(photo, "高清照片.png"));
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(photo.length);
  });
});

describe("who may see attachments", () => {
  let attachment: Attachment;
  beforeAll(async () => {
    attachment = (await upload(world.agent, form(pdf, "合同.pdf"))).body;
  });

  it("lets a handler of a department the case was dispatched to download it", async () => {
    const res = await world.handler.client.get(`/attachments/${attachment.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
  });

  it("hides it from a department handler who is not involved", async () => {
    const res = await world.outsider.client.get(`/attachments/${attachment.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
    const add = await upload(world.outsider, form(png(), "photo.png"));
    expect(add.status).toBe(404);
  });

  it("asks for a session first", async () => {
    const res = await new ApiClient(world.server.api).get(`/attachments/${attachment.id}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });
});

describe("the size limit", () => {
  let small: TestServer;
  let smallAgent: Staff;
  let target: Complaint;

  beforeAll(async () => {
    small = await startTestServer({ KESU_MAX_ATTACHMENT_MB: "1" });
    const smallAdmin = await signedInAdmin(small);
    smallAgent = await makeStaff(smallAdmin, "agent");
    target = await makeComplaint(smallAgent.client);
  });
  afterAll(() => small.close());

  it("refuses a file over the configured limit with 413 and stores nothing", async () => {
    const res = await upload(smallAgent, form(png(1_048_576 + 10_000), "大图.png"), target.id);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("payload_too_large");
    expect(res.body.title).toContain("1 MB");
    const after = (await smallAgent.client.get<Complaint>(`/complaints/${target.id}`)).body;
    expect(after.attachments).toEqual([]);
    expect(after.timeline.map((e) => e.type)).toEqual(["created"]);
  });

  it("accepts a file just under it", async () => {
    const res = await upload(smallAgent, form(png(1_000_000), "小图.png"), target.id);
    expect(res.status).toBe(201);
  });
});
