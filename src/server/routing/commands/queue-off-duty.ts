import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { finishedStatusList, routingQueue, skillGroups } from "../../../db/schema.js";
import type { Severity } from "../../../domain/complaint/case-attributes.js";
import { type GroupCriteria, matchingGroup } from "../../../domain/routing/skill-groups.js";
import { chooseSupervisor } from "../../../domain/sla/breach-actions.js";
import { supervisorLoads } from "../../case/supervisor-loads.js";
import { notifyMany } from "../../notifications/notify.js";

/** Cases looked at per tick; the rest wait for the next. */
const BATCH = 500;

interface Stranded {
  id: string;
  number: string;
  subject: string;
  category: string | null;
  businessType: string | null;
  sourceType: string;
  severity: Severity;
  ownerId: string;
  ownerDepartmentId: string | null;
  groupId: string;
}

const rows = async <T>(tx: Tx, query: ReturnType<typeof sql>) =>
  (await tx.execute(query)).rows as unknown as T[];

/**
 * Open cases whose owner has been off duty (小休 or 离线) longer than their group allows join the
 * group's queue again: at once where the group reassigns automatically, held for a supervisor's
 * approval (and the owner's supervisor told in the bell) where it does not. A case goes back to
 * its owner's hands if they come on duty before it is given away.
 */
export async function queueOffDutyCases(db: Database, now: Date) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from ${routingQueue} q using complaints c
      where c.id = q.complaint_id and q.from_owner_id is not null
        and (c.owner_id is distinct from q.from_owner_id or c.status in (${finishedStatusList})
             or exists (select from staff_duty d
                         where d.user_id = q.from_owner_id and d.state = 'online'))`);
    // The owner must be a member of the group the case belongs to, off duty past its limit.
    const stranded = await rows<Stranded>(
      tx,
      sql`select c.id, c.number, c.subject, c.category, c.business_type as "businessType",
                 c.source_type as "sourceType", c.severity, c.owner_id as "ownerId",
                 u.department_id as "ownerDepartmentId", g.id as "groupId"
          from complaints c
          join staff_duty d on d.user_id = c.owner_id and d.state <> 'online'
          join users u on u.id = c.owner_id
          join skill_group_members m on m.user_id = c.owner_id
          join ${skillGroups} g on g.id = m.group_id
          where g.reassign_after_minutes is not null
            and d.since < ${now}::timestamptz - make_interval(mins => g.reassign_after_minutes)
            and c.status not in (${finishedStatusList})
            and not exists (select from ${routingQueue} q where q.complaint_id = c.id)
          order by c.id
          limit ${BATCH}`,
    );
    if (stranded.length === 0) return;
    const groups = await rows<GroupCriteria & { reassignMode: string }>(
      tx,
      sql`select id, name, categories, business_types as "businessTypes", sources, severities,
                 reassign_mode as "reassignMode"
          from ${skillGroups}`,
    );
    const moving = stranded.filter((c) => matchingGroup(groups, c)?.id === c.groupId);
    if (moving.length === 0) return;
    const held = (c: Stranded) =>
      groups.find((g) => g.id === c.groupId)?.reassignMode !== "automatic";
    const queued = await rows<{ complaint_id: string }>(
      tx,
      sql`insert into ${routingQueue} (complaint_id, group_id, from_owner_id, held)
          select * from jsonb_to_recordset(${JSON.stringify(
            moving.map((c) => ({ c: c.id, g: c.groupId, o: c.ownerId, h: held(c) })),
          )}::jsonb) as x(c uuid, g uuid, o uuid, h boolean)
          on conflict do nothing
          returning complaint_id`,
    );
    const asking = moving.filter((c) => held(c) && queued.some((q) => q.complaint_id === c.id));
    if (asking.length === 0) return;
    const supervisors = await supervisorLoads(tx);
    await notifyMany(
      tx,
      asking.flatMap((c) => {
        const supervisor = chooseSupervisor(c.ownerDepartmentId, supervisors);
        return supervisor
          ? [
              {
                userIds: [supervisor.id],
                complaint: { id: c.id, number: c.number, subject: c.subject },
                types: ["owner_off_duty"],
                data: { ownerId: c.ownerId, skillGroupId: c.groupId },
              },
            ]
          : [];
      }),
    );
  });
}
