// 关注人 on the complaint page: a supervisor follows a case and unfollows it, and a supervisor a
// missed deadline added is marked as such.

import { describe, it } from "vitest";
import { complaintWatchers } from "../src/db/schema.js";
import { makeComplaint } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { agentAndSupervisor, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("watchers");

describe.skipIf(skipBrowserTests)("watchers in Chromium", () => {
  const team = agentAndSupervisor();

  const watchers = (page: import("playwright-core").Page) => page.getByTestId("watchers");

  it("lets a supervisor follow a case and unfollow it", async () => {
    const c = await makeComplaint(team.agent.client, { ownerId: team.agent.user.id });
    const page = await team.wb.signIn(team.supervisor.user.username, `/complaints/${c.id}`);
    await watchers(page).getByText("暂无关注人").waitFor();

    await watchers(page).getByRole("button", { name: "关注", exact: true }).click();
    await watchers(page).getByText("赵敏 · 工号 3001").waitFor();
    await screenshot(page, "watchers-following");

    await watchers(page).getByRole("button", { name: "取消关注", exact: true }).click();
    await watchers(page).getByText("暂无关注人").waitFor();
    await watchers(page).getByRole("button", { name: "关注", exact: true }).waitFor();
  }, 60_000);

  it("marks a supervisor a missed deadline added", async () => {
    const c = await makeComplaint(team.agent.client, { ownerId: team.agent.user.id });
    // The SLA sweep's breach action writes this row; here it is written straight for the test.
    await team.wb.server.db
      .insert(complaintWatchers)
      .values({ complaintId: c.id, userId: team.supervisor.user.id, reason: "sla_breached" });
    const page = await team.wb.signIn(team.supervisor.user.username, `/complaints/${c.id}`);
    const row = watchers(page).getByTestId("watcher").filter({ hasText: "赵敏 · 工号 3001" });
    await row.getByText("超时升级关注").waitFor();
    await watchers(page).getByRole("button", { name: "取消关注", exact: true }).waitFor();
  }, 60_000);
});
