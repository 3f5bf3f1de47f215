// D4's evidence over HTTP: added to a root cause through the attachments' one store and gate,
// listed on the 8D, downloaded by anyone who reads the 8D, taken back by its uploader while D4 is
// a draft, and named in the PDF report.

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  complaintsAbout,
  eightDRecords,
  openEightD,
  passStep,
  stepOf,
} from "../../test/quality-kit.js";
import type { QualityCase } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  specialist: await w.staff("specialist", { displayName: "王工", agentNo: "3001" }),
  colleague: await w.staff("specialist"),
  outsider: await w.staff("specialist"),
  quality: await w.staff("quality"),
}));

const measurements = Buffer.from("样品,模温(℃),结果\n1,38,开裂\n2,55,完好\n");
const form = (content: Buffer, fileName: string) => {
  const body = new FormData();
  body.append("file", new Blob([content]), fileName);
  return body;
};
const team = () => ({
  agent: world.agent,
  specialist: world.specialist,
  colleague: world.colleague,
  quality: world.quality,
});
const upload = (c: QualityCase, cause: string, body: FormData, by = world.specialist) =>
  by.client.post(`/quality-cases/${c.id}/root-causes/${cause}/evidence`, body);

describe("D4 evidence", () => {
  it("adds a file to a root cause, lists it on the 8D and its timeline, and downloads it for an agent", async () => {
    const c = await openEightD(world.specialist);
    const res = await upload(c, "occurrence", form(measurements, "模温测量.csv"));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      fileName: "模温测量.csv",
      mediaType: "text/csv",
      size: measurements.length,
      rootCause: "occurrence",
      uploadedBy: { agentNo: "3001", name: "王工" },
    });
    const seen = (await world.agent.client.get<QualityCase>(`/quality-cases/${c.id}`)).body;
    expect(seen.evidence).toEqual([res.body]);
    expect(seen.timeline.at(-1)).toMatchObject({
      type: "evidence_added",
      discipline: "d4",
      actor: { agentNo: "3001" },
      data: { fileName: "模温测量.csv", rootCause: "occurrence" },
    });
    const list = await world.agent.client.get(`/quality-cases/${c.id}/evidence`);
    expect(list.body.items).toEqual([res.body]);
    const file = await fetch(`${world.server.api}/attachments/${res.body.id}`, {
      headers: { cookie: world.agent.client.cookie! },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(measurements)).toBe(true);
  });

  it("holds the file to the attachments' type rules", async () => {
    const c = await openEightD(world.specialist);
    const program = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)]);
    const res = await upload(c, "escape", form(program, "照片.png"));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_media_type");
    expect(
      (await world.agent.client.get<QualityCase>(`/quality-cases/${c.id}`)).body.evidence,
    ).toEqual([]);
  });

  it("is added by the team only: agents and strangers are refused", async () => {
    const c = await openEightD(world.specialist);
    const agent = await upload(c, "occurrence", form(measurements, "a.csv"), world.agent);
    expect(agent.status).toBe(403);
    const outsider = await upload(c, "occurrence", form(measurements, "a.csv"), world.outsider);
    expect(outsider.status).toBe(403);
    expect(outsider.body.title).toContain("8D小组");
  });

  it("is taken back by its uploader while D4 is a draft, by no one else", async () => {
    const c = await openEightD(world.specialist);
    const added = (await upload(c, "escape", form(measurements, "检验记录.csv"))).body;
    const byOther = await world.quality.client.delete(
      `/quality-cases/${c.id}/evidence/${added.id}`,
    );
    expect(byOther.status).toBe(403);
    expect(byOther.body.title).toContain("上传者");
    const own = await world.specialist.client.delete(`/quality-cases/${c.id}/evidence/${added.id}`);
    expect(own.status).toBe(204);
    const after = (await world.specialist.client.get<QualityCase>(`/quality-cases/${c.id}`)).body;
    expect(after.evidence).toEqual([]);
    expect(after.timeline.at(-1)).toMatchObject({
      type: "evidence_removed",
      data: { fileName: "检验记录.csv" },
    });
    const gone = await fetch(`${world.server.api}/attachments/${added.id}`, {
      headers: { cookie: world.specialist.client.cookie! },
    });
    expect(gone.status).toBe(404);
  });

  it("stays once D4 is submitted, and the report names each root cause's files", async () => {
    const [complaint] = await complaintsAbout(world.agent, 1);
    let c = await openEightD(world.specialist, [complaint!.id]);
    const records = eightDRecords(team());
    for (const d of ["d0", "d1", "d2", "d3"] as const)
      c = await passStep(c, d, records[d], world.specialist, world.quality);
    const occurrence = (await upload(c, "occurrence", form(measurements, "模温测量.csv"))).body;
    await upload(c, "escape", form(Buffer.from("项目,结果\n低温冲击,未做\n"), "出厂检验单.csv"));
    let res = await world.specialist.client.put<QualityCase>(`/quality-cases/${c.id}/steps/d4`, {
      version: stepOf(c, "d4").version,
      data: records.d4,
    });
    res = await world.specialist.client.post<QualityCase>(
      `/quality-cases/${c.id}/steps/d4/submit`,
      {
        version: stepOf(res.body, "d4").version,
      },
    );
    expect(res.status).toBe(200);
    const late = await upload(c, "occurrence", form(measurements, "补充.csv"));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("step_not_editable");
    const kept = await world.specialist.client.delete(
      `/quality-cases/${c.id}/evidence/${occurrence.id}`,
    );
    expect(kept.status).toBe(409);

    const pdf = await fetch(`${world.server.api}/quality-cases/${c.id}/report.pdf`, {
      headers: { cookie: world.agent.client.cookie! },
    });
    const dir = mkdtempSync(join(tmpdir(), "kesu-8d-"));
    writeFileSync(join(dir, "r.pdf"), Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync("pdftotext", [join(dir, "r.pdf"), "-"], { encoding: "utf8" });
    expect(text).toMatch(/发生原因证据：\s*模温测量\.csv/);
    expect(text).toMatch(/流出原因证据：\s*出厂检验单\.csv/);
  });
});
