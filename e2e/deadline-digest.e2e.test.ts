// A supervisor hears of a sweep's missed deadlines in one bell entry, and opens a case from it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { HOUR, later, sweepAt } from "../src/test/sweep-at.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("deadline digest");

describe.skipIf(skipBrowserTests)("the deadline digest in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏", agentNo: "9001" });
  }, 180_000);
  afterAll(() => wb?.close());

  it("lists the sweep's missed callbacks under one entry, each case a link", async () => {
    const cases = [
      await makeComplaint(agent.client, { ownerId: agent.user.id }),
      await makeComplaint(agent.client, { ownerId: agent.user.id }),
    ];
    for (const c of cases)
      await agent.client.post(`/complaints/${c.id}/callback`, { dueAt: later(HOUR).toISOString() });
    await sweepAt(wb.server.db, later(2 * HOUR));

    const page = await wb.signIn(supervisor.user.username, "/queue");
    await page.getByTestId("notification-bell").click();
    const digest = page.getByRole("listitem").filter({ hasText: "时限汇总：2 件已超时，0 件预警" });
    await digest.waitFor();
    await screenshot(page, "deadline-digest");
    for (const c of cases) await digest.getByRole("link", { name: c.number }).waitFor();
    await digest.getByRole("link", { name: cases[1]!.number }).click();
    await page.waitForURL(`**/complaints/${cases[1]!.id}`);
    await page.getByText(cases[1]!.number).first().waitFor();
    expect(page.url()).toContain(cases[1]!.id);
  });
});
