import { describe, expect, it } from "vitest";
import { builtInTemplates, renderTemplate } from "./templates.js";

describe("customer message templates", () => {
  it("fills the acknowledgement with the number, agent number, deadline and how to track", () => {
    const { subject, body } = renderTemplate(builtInTemplates.acknowledgement["zh-CN"], {
      number: "TS20261206-0001",
      receivedAt: "2026-12-06 10:00",
      agentNo: "A1001",
      dueAt: "2026-12-13 10:00",
      portalUrl: "https://kesu.example/portal",
      accessCode: "K7P9QX2M",
    });
    expect(subject).toBe("【受理回执】TS20261206-0001");
    expect(body).toContain("受理工号A1001");
    expect(body).toContain("2026-12-13 10:00前答复");
    expect(body).toContain("https://kesu.example/portal，查询码K7P9QX2M");
  });

  it("leaves nothing behind for a field it was not given", () => {
    expect(renderTemplate({ subject: "{number}{nope}", body: "" }, { number: "N" }).subject).toBe(
      "N",
    );
  });
});
