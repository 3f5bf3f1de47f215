import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { routingQueue, skillGroupMembers, skillGroups, users } from "../../db/schema.js";
import { canManageStaff, canOwnCases } from "../../domain/access/roles.js";
import { canWatchGroups } from "../../domain/routing/skill-groups.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { invalidReference } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { refuseStaleEdit } from "../http/stale-edit.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { assertTerms } from "../taxonomy/active-terms.js";
import { dutyOf, setDuty } from "./duty.js";
import {
  createSkillGroupBody,
  dutySchema,
  putDutyBody,
  type SkillGroupDto,
  skillGroupSchema,
  updateSkillGroupBody,
} from "./skill-group.schemas.js";

async function loadGroups(tx: Pick<Tx, "select">, ids?: string[]): Promise<SkillGroupDto[]> {
  const rows = await tx
    .select({
      group: skillGroups,
      memberIds: sql<string[]>`coalesce((select array_agg(m.user_id order by m.user_id)
        from ${skillGroupMembers} m where m.group_id = ${skillGroups.id}), '{}')`,
      waiting: sql<number>`(select count(*)::int from ${routingQueue} q
        where q.group_id = ${skillGroups.id} and not q.held)`,
      held: sql<number>`(select count(*)::int from ${routingQueue} q
        where q.group_id = ${skillGroups.id} and q.held)`,
    })
    .from(skillGroups)
    .where(ids ? inArray(skillGroups.id, ids) : undefined)
    .orderBy(asc(skillGroups.name));
  return rows.map(({ group: { cursor: _c, createdAt: _a, ...g }, ...counts }) => ({
    ...g,
    sources: g.sources as SkillGroupDto["sources"],
    severities: g.severities as SkillGroupDto["severities"],
    ...counts,
  }));
}

/** Members must be active staff who may own cases; the lists' codes must be active ones. */
async function checkGroup(
  tx: Tx,
  body: { memberIds?: string[]; categories?: string[]; businessTypes?: string[] },
) {
  await assertTerms(tx, [
    { list: "category", field: "body.categories", codes: body.categories ?? [] },
    { list: "business_type", field: "body.businessTypes", codes: body.businessTypes ?? [] },
  ]);
  const ids = [...new Set(body.memberIds ?? [])];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (found.length !== ids.length || !found.every((u) => canOwnCases(u.role)))
    throw invalidReference("user");
}

async function setMembers(tx: Tx, groupId: string, memberIds: string[]) {
  await tx.delete(skillGroupMembers).where(eq(skillGroupMembers.groupId, groupId));
  const ids = [...new Set(memberIds)];
  if (ids.length > 0)
    await tx.insert(skillGroupMembers).values(ids.map((userId) => ({ groupId, userId })));
}

const nameTaken = (name: string | undefined) => ({
  skill_groups_name_unique: { field: "skill_group_name" as const, value: name },
});

export async function skillGroupRoutes(app: App) {
  app.get(
    "/skill-groups",
    {
      schema: {
        tags: ["routing"],
        summary: "Skill groups (技能组) with their members, criteria, rule and waiting cases",
        response: { 200: z.object({ items: z.array(skillGroupSchema) }) },
      },
    },
    async (request) => {
      callerWith(request, canWatchGroups);
      return { items: await loadGroups(app.db) };
    },
  );

  app.post(
    "/skill-groups",
    {
      schema: {
        tags: ["routing"],
        summary: "Add a skill group (admin)",
        body: createSkillGroupBody,
        response: { 201: skillGroupSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const { memberIds, ...fields } = request.body;
      const created = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            await checkGroup(tx, request.body);
            const [row] = await tx.insert(skillGroups).values(fields).returning();
            await setMembers(tx, row!.id, memberIds);
            await recordAudit(tx, caller, "create", "skill_group", row!.id, request.body);
            return (await loadGroups(tx, [row!.id]))[0]!;
          }),
        nameTaken(fields.name),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/skill-groups/:id",
    {
      schema: {
        tags: ["routing"],
        summary: "Edit a skill group: members, criteria, rule, cap (admin)",
        params: idParams,
        body: updateSkillGroupBody,
        response: { 200: skillGroupSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { version, memberIds, ...changes } = request.body;
      const { id } = request.params;
      return rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            await checkGroup(tx, request.body);
            const [row] = await tx
              .update(skillGroups)
              .set({ ...changes, version: version + 1, updatedAt: app.clock.now() })
              .where(and(eq(skillGroups.id, id), eq(skillGroups.version, version)))
              .returning({ id: skillGroups.id });
            if (!row) return refuseStaleEdit(tx, skillGroups, id, "skill_group");
            if (memberIds) await setMembers(tx, id, memberIds);
            await recordAudit(tx, caller, "update", "skill_group", id, request.body);
            return (await loadGroups(tx, [id]))[0]!;
          }),
        nameTaken(changes.name),
      );
    },
  );

  app.get(
    "/me/duty",
    {
      schema: {
        tags: ["routing"],
        summary: "The caller's duty state (在线 / 小休 / 离线)",
        response: { 200: dutySchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { state, since } = await dutyOf(app.db, caller.id);
      return { state, since };
    },
  );

  app.put(
    "/me/duty",
    {
      schema: {
        tags: ["routing"],
        summary: "Go 在线 (online), 小休 (break) or 离线 (offline); online receives waiting cases",
        body: putDutyBody,
        response: { 200: dutySchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canOwnCases);
      const { state, since } = await setDuty(
        app.db,
        caller.id,
        request.body.state,
        app.clock.now(),
      );
      return { state, since };
    },
  );
}
