// A supervisor hears of a sweep's missed deadlines in one bell entry, and opens a case from it.

import { describe, expect, it } from "vitest";
import { makeComplaint } from "../src/test/factories.js";
import { HOUR, later, sweepAt } from "../src/test/sweep-at.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { agentAndSupervisor, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("deadline digest");

describe.skipIf(skipBrowserTests)("the deadline digest in Chromium", () => {
  const team = agentAndSupervisor();

  it("lists the sweep's missed callbacks under one entry, each case a link", async () => {
    const cases = [
      await makeComplaint(team.agent.client, { ownerId: team.agent.user.id }),
      await makeComplaint(team.agent.client, { ownerId: team.agent.user.id }),
    ];
    for (const c of cases)
      await team.agent.client.post(`/complaints/${c.id}/callback`, {
        dueAt: later(HOUR).toISOString(),
      });
    await sweepAt(team.wb.server.db, later(2 * HOUR));

    const page = await team.wb.signIn(team.supervisor.user.username, "/queue");
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
