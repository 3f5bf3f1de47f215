import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { finishedStatusList, routingQueue, skillGroups } from "../../../db/schema.js";
import type { Severity } from "../../../domain/complaint/case-attributes.js";
import {
  type ComplaintKind,
  type ComplaintStatus,
  isOpen,
  statusAfter,
} from "../../../domain/complaint/complaint-lifecycle.js";
import {
  type Member,
  planAssignments,
  severityWeights,
} from "../../../domain/routing/assignment.js";
import type { AssignmentRule } from "../../../domain/routing/skill-groups.js";
import { assignedTo } from "../../case/case-owner.js";
import { writeOutcome } from "../../case/write-outcome.js";
import { notifyMany } from "../../notifications/notify.js";

interface GroupRow {
  id: string;
  name: string;
  rule: AssignmentRule;
  cap_per_person: number | null;
  cursor: string | null;
}

interface WaitingRow {
  id: string;
  number: string;
  subject: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  severity: Severity;
  owner_id: string | null;
  version: number;
  /** The owner off duty the case is being taken from; null for a new case. */
  from_owner_id: string | null;
}

const rows = async <T>(tx: Tx | Database, query: ReturnType<typeof sql>) =>
  (await tx.execute(query)).rows as unknown as T[];

/** Severity weights as SQL, from the one table the domain keeps. */
const weightCase = sql.raw(
  `case c.severity ${Object.entries(severityWeights)
    .map(([s, w]) => `when '${s}' then ${w}`)
    .join(" ")} else 1 end`,
);

/**
 * Gives waiting cases to people on duty, group by group, until `limit` are given or the queues
 * have no one to take them. Returns how many were given. Safe on several servers at once.
 */
export async function assignWaitingCases(
  db: Database,
  now: Date,
  limit: number,
  onlyGroupIds?: readonly string[],
): Promise<{ claimed: number }> {
  const groups = await rows<{ id: string }>(
    db,
    sql`select distinct group_id as id from ${routingQueue}
        ${onlyGroupIds ? sql`where group_id = any(${sql.param(onlyGroupIds)}::uuid[])` : sql``}
        order by 1`,
  );
  let claimed = 0;
  for (const { id } of groups) {
    if (claimed >= limit) break;
    claimed += await db.transaction((tx) => assignGroup(tx, id, now, limit - claimed));
  }
  return { claimed };
}

/**
 * One group in one transaction. Locks, always in this order so servers never deadlock: the
 * group's row (its round-robin cursor; a server finding it taken leaves the group to the other),
 * the duty rows of its members on duty by user id (their counts, shared with other groups they
 * are in), then the waiting cases (skipping any another transaction holds). NO KEY UPDATE: as
 * exclusive among writers as FOR UPDATE, but intake may still add cases to the group meanwhile
 * and others may still add notes to the cases (their foreign keys only share-lock the key).
 */
async function assignGroup(tx: Tx, groupId: string, now: Date, limit: number): Promise<number> {
  const [group] = await rows<GroupRow>(
    tx,
    sql`select id, name, rule, cap_per_person, cursor from ${skillGroups}
        where id = ${groupId} for no key update skip locked`,
  );
  if (!group) return 0;
  const members = await rows<Member & { displayName: string }>(
    tx,
    sql`select d.user_id as "userId", u.agent_no as "agentNo", u.display_name as "displayName",
               d.state as duty, 0 as "openCases", 0 as load
        from skill_group_members m
        join staff_duty d on d.user_id = m.user_id and d.state = 'online'
        join users u on u.id = m.user_id and u.active
        where m.group_id = ${groupId}
        order by d.user_id
        for no key update of d`,
  );
  if (members.length === 0) return 0;
  // Read after the person locks are held, so the counts include what other servers just gave.
  const loads = await rows<{ owner_id: string; open: number; load: number }>(
    tx,
    sql`select c.owner_id, count(*)::int as open, sum(${weightCase})::int as load
        from complaints c
        where c.owner_id = any(${sql.param(members.map((m) => m.userId))}::uuid[])
          and c.status not in (${finishedStatusList})
        group by c.owner_id`,
  );
  for (const m of members) {
    const found = loads.find((l) => l.owner_id === m.userId);
    m.openCases = found?.open ?? 0;
    m.load = found?.load ?? 0;
  }
  const waiting = await rows<WaitingRow>(
    tx,
    sql`select c.id, c.number, c.subject, c.kind, c.status, c.severity, c.owner_id, c.version,
               q.from_owner_id
        from ${routingQueue} q join complaints c on c.id = q.complaint_id
        where q.group_id = ${groupId} and not q.held
        order by q.created_at, q.complaint_id
        limit ${limit}
        for no key update of q, c skip locked`,
  );
  // A case someone took by hand (or closed) meanwhile, or whose owner is back on duty, leaves the
  // queue without a second owner.
  const stale = waiting.filter(
    (c) =>
      !isOpen(c.status) ||
      c.owner_id !== c.from_owner_id ||
      members.some((m) => m.userId === c.from_owner_id),
  );
  const open = waiting.filter((c) => !stale.includes(c));
  const plan = planAssignments(
    { rule: group.rule, capPerPerson: group.cap_per_person, cursor: group.cursor },
    members,
    open,
  );
  for (const { caseId, userId } of plan.assignments) {
    const c = open.find((w) => w.id === caseId)!;
    const owner = members.find((m) => m.userId === userId)!;
    const outcome = assignedTo(
      { id: owner.userId, agentNo: owner.agentNo, displayName: owner.displayName },
      c.owner_id,
      {
        skillGroupId: group.id,
        skillGroupName: group.name,
        ...(c.from_owner_id ? { reason: "owner_off_duty" } : {}),
      },
    );
    const status = statusAfter({ status: c.status, kind: c.kind }, "assign");
    await writeOutcome(tx, null, c, status, outcome, now);
  }
  const leaving = [...stale.map((c) => c.id), ...plan.assignments.map((a) => a.caseId)];
  if (leaving.length > 0) {
    await tx.execute(
      sql`delete from ${routingQueue} where complaint_id = any(${sql.param(leaving)}::uuid[])`,
    );
  }
  if (plan.cursor !== group.cursor) {
    await tx.execute(sql`update ${skillGroups} set cursor = ${plan.cursor} where id = ${groupId}`);
  }
  await notifyMany(
    tx,
    plan.assignments.map(({ caseId, userId }) => {
      const c = open.find((w) => w.id === caseId)!;
      return {
        userIds: [userId],
        complaint: { id: c.id, number: c.number, subject: c.subject },
        types: ["assigned"],
        data: { skillGroupName: group.name },
      };
    }),
  );
  return plan.assignments.length;
}
