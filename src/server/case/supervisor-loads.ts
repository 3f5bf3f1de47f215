import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, finishedStatusList, users } from "../../db/schema.js";
import type { SupervisorLoad } from "../../domain/sla/breach-actions.js";

/** A supervisor `s` as a SupervisorLoad, with `openCases` counted as given. */
export const supervisorJson = (
  openCases: SQL,
) => sql`json_build_object('id', s.id, 'agentNo', s.agent_no,
  'displayName', s.display_name, 'departmentId', s.department_id, 'openCases', ${openCases})`;
export const activeSupervisors = sql`from ${users} s where s.role = 'supervisor' and s.active`;

/**
 * The supervisors with their open cases: whom a breach, an off-duty owner or a third contact is
 * escalated to (the least loaded), read only when one may be picked.
 */
export async function supervisorLoads(tx: Tx): Promise<SupervisorLoad[]> {
  const openCases = sql`(select count(*) from ${complaints} c where c.owner_id = s.id
    and c.status not in (${finishedStatusList}))::int`;
  const { rows } = await tx.execute<{ loads: SupervisorLoad[] | null }>(
    sql`select json_agg(${supervisorJson(openCases)} order by s.agent_no) as loads ${activeSupervisors}`,
  );
  return rows[0]?.loads ?? [];
}
