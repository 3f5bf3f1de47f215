import { expect, it } from "vitest";
import { routeWaitingCases } from "../../jobs/route-cases.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { HeldReassignment, Items, NotificationList, SkillGroup } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  early: await w.staff("agent", { agentNo: "N1" }),
  late: await w.staff("agent", { agentNo: "N2" }),
  away: await w.staff("agent", { agentNo: "S1" }),
  cover: await w.staff("agent", { agentNo: "S2" }),
  supervisor: await w.staff("supervisor"),
}));

const ids = (...staff: Staff[]) => staff.map((s) => s.user.id);
const tick = () => routeWaitingCases(world.server.db, new Date(), 20);
/** The owner went off duty this many minutes ago. */
const offDutyFor = (staff: Staff, minutes: number) =>
  world.server.db.$client.query(
    `update staff_duty set since = now() - make_interval(mins => $2) where user_id = $1`,
    [staff.user.id, minutes],
  );
const group = async (name: string) =>
  (await world.admin.ok<Items<SkillGroup>>("GET", "/skill-groups")).items.find(
    (g) => g.name === name,
  );

it("moves an off-duty owner's cases to someone on duty once the group's wait is over", async () => {
  await world.admin.ok("POST", "/skill-groups", {
    name: "储蓄组",
    businessTypes: ["savings"],
    memberIds: ids(world.early, world.late),
    reassignAfterMinutes: 30,
    reassignMode: "automatic",
  });
  await world.early.client.ok("PUT", "/me/duty", { state: "online" });
  const c = await makeComplaint(world.admin, { businessType: "savings" });
  await tick();
  expect((await world.admin.complaint(c.id)).ownerId).toBe(world.early.user.id);

  await world.early.client.ok("PUT", "/me/duty", { state: "break" });
  await world.late.client.ok("PUT", "/me/duty", { state: "online" });
  await offDutyFor(world.early, 20);
  await tick();
  expect((await world.admin.complaint(c.id)).ownerId).toBe(world.early.user.id);

  await offDutyFor(world.early, 31);
  await tick();
  const moved = await world.admin.complaint(c.id);
  expect(moved.ownerId).toBe(world.late.user.id);
  expect(moved.timeline.filter((e) => e.type === "assigned").at(-1)?.data).toMatchObject({
    previousOwnerId: world.early.user.id,
    reason: "owner_off_duty",
  });
});

it("holds them for a supervisor's approval where the group says so", async () => {
  const made = await world.admin.ok<SkillGroup>("POST", "/skill-groups", {
    name: "贷款组",
    businessTypes: ["loan"],
    memberIds: ids(world.away, world.cover),
    reassignAfterMinutes: 15,
    reassignMode: "supervisor",
  });
  const c = await makeComplaint(world.away.client, { businessType: "loan", keepOwnership: true });
  await world.away.client.ok("PUT", "/me/duty", { state: "offline" });
  await world.cover.client.ok("PUT", "/me/duty", { state: "online" });
  await offDutyFor(world.away, 16);
  await tick();
  expect((await world.admin.complaint(c.id)).ownerId).toBe(world.away.user.id);
  expect(await group("贷款组")).toMatchObject({ held: 1, waiting: 0 });
  const bell = await world.supervisor.client.ok<NotificationList>("GET", "/notifications");
  expect(bell.items).toContainEqual(
    expect.objectContaining({ type: "owner_off_duty", complaintId: c.id }),
  );

  const held = await world.supervisor.client.ok<Items<HeldReassignment>>("GET", "/reassignments");
  expect(held.items).toEqual([
    expect.objectContaining({
      complaintId: c.id,
      number: c.number,
      skillGroupId: made.id,
      groupName: "贷款组",
      owner: { id: world.away.user.id, agentNo: "S1", name: world.away.user.displayName },
      ownerDuty: "offline",
    }),
  ]);
  const approve = `/skill-groups/${made.id}/reassignments/${c.id}/approve`;
  expect((await world.cover.client.post(approve)).status).toBe(403);
  expect((await world.supervisor.client.post(approve)).status).toBe(204);
  expect((await world.admin.complaint(c.id)).ownerId).toBe(world.cover.user.id);
  expect((await world.supervisor.client.post(approve)).status).toBe(404);
  expect(
    (await world.supervisor.client.ok<Items<HeldReassignment>>("GET", "/reassignments")).items,
  ).toEqual([]);
});

it("leaves the case with its owner when they come back before it is given away", async () => {
  const c = await makeComplaint(world.away.client, { businessType: "loan", keepOwnership: true });
  await offDutyFor(world.away, 16);
  await tick();
  expect(await group("贷款组")).toMatchObject({ held: 1 });
  await world.away.client.ok("PUT", "/me/duty", { state: "online" });
  await tick();
  expect(await group("贷款组")).toMatchObject({ held: 0 });
  expect((await world.admin.complaint(c.id)).ownerId).toBe(world.away.user.id);
});
