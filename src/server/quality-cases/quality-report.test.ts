import { expect, it } from "vitest";
import { disciplines, disciplineTitles } from "../../domain/quality/disciplines.js";
import { pdfText } from "../../test/pdf-text.js";
import type { QualityCase } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  quality: await w.staff("quality", { displayName: "陈质量", agentNo: "5101" }),
}));

it("renders the 8D report in Chinese: the title, the root cause and every discipline heading", async () => {
  const q = world.quality.client;
  const c = (
    await q.post("/quality-cases", { title: "X200空调外壳开裂", product: "空调", model: "X200" })
  ).body;
  const step = (body: QualityCase, d: string) =>
    body.steps.find((s) => s.discipline === d)!.version;
  await q.put(`/quality-cases/${c.id}/steps/d1`, {
    version: 1,
    data: {
      members: [{ userId: world.quality.user.id, role: "质量工程师" }],
      championId: world.quality.user.id,
    },
  });
  await q.put(`/quality-cases/${c.id}/steps/d2`, {
    version: 1,
    data: { what: { is: "外壳开裂", isNot: "面板完好" }, customerWords: "用了两天外壳就裂了" },
  });
  const saved = await q.put<QualityCase>(`/quality-cases/${c.id}/steps/d4`, {
    version: 1,
    data: {
      rootCauses: [
        {
          kind: "occurrence",
          statement: "注塑模温偏低导致内应力",
          category: "machine",
          whys: ["为何开裂", "为何应力大"],
          evidence: [],
        },
        {
          kind: "escape",
          statement: "出厂未做低温冲击测试",
          category: "measurement",
          whys: ["为何漏检"],
          evidence: [],
        },
      ],
      fishbone: { material: ["原料含水"], method: ["保压时间短"] },
    },
  });
  expect(step(saved.body, "d4")).toBe(2);
  await q.put(`/quality-cases/${c.id}/steps/d5`, {
    version: 1,
    data: {
      options: [
        { option: "模温控制器加报警", scores: { effect: 5, speed: 5, cost: 4, ease: 5 } },
        { option: "更换原料", scores: { effect: 4, speed: 2, cost: 2, ease: 3 } },
      ],
      chosen: 0,
      why: "见效快，成本低，方便操作",
    },
  });

  const res = await fetch(`${q.base}/quality-cases/${c.id}/report.pdf`, {
    headers: { cookie: q.cookie! },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // The font is embedded as a subset, not the whole 10 MB file.
  expect(pdf.length).toBeLessThan(1_500_000);
  const text = pdfText(pdf).replace(/[ \t]+/g, " ");
  expect(text).toContain(`8D报告 ${c.number}`);
  expect(text).toContain("X200空调外壳开裂");
  expect(text).toContain("注塑模温偏低导致内应力");
  expect(text).toContain("用了两天外壳就裂了");
  expect(text).toContain("见效快，成本低，方便操作");
  expect(text).toContain("陈质量（5101）");
  for (const d of disciplines) expect(text).toContain(disciplineTitles[d].zh);
  // The fishbone's bones are drawn as text too.
  for (const label of ["人", "机", "料", "法", "环", "测", "原料含水"])
    expect(text).toContain(label);
});
