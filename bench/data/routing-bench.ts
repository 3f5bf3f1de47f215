import type { Database } from "../../src/db/client.js";
import type { AssignmentRule } from "../../src/domain/routing/skill-groups.js";
import { assignWaitingCases } from "../../src/server/routing/commands/assign-waiting.js";

const ROUNDS = 3;
const AGENTS = 20;

export interface RoutingFigures {
  rule: AssignmentRule;
  casesPerRound: number;
  /** Milliseconds a case, one per round, sorted. */
  perCaseMs: number[];
}

/**
 * The router's cost a case on the generated data: a bench group of 20 agents on duty (each owning
 * their share of the open cases the least-loaded rule counts), and each round `cases` received
 * cases put back in its queue unowned, then given out in one call. The group and the duty rows go
 * afterwards; the cases stay given, as any run's would.
 */
export async function measureRouting(
  db: Database,
  cases = 100,
  rules: readonly AssignmentRule[] = ["round_robin", "least_loaded"],
): Promise<RoutingFigures[]> {
  const sql = db.$client;
  const agents = (
    await sql.query(
      `select id from users where role = 'agent' and active order by agent_no limit ${AGENTS}`,
    )
  ).rows.map((r) => r.id as string);
  if (agents.length === 0) throw new Error("no agents: run npm run bench:data first");
  const results: RoutingFigures[] = [];
  for (const rule of rules) {
    const { rows } = await sql.query(
      `insert into skill_groups (name, rule) values ($1, $2) returning id`,
      [`bench-${rule}-${Date.now()}`, rule],
    );
    const groupId = rows[0].id as string;
    try {
      await sql.query(
        `insert into skill_group_members (group_id, user_id) select $1, unnest($2::uuid[])`,
        [groupId, agents],
      );
      await sql.query(
        `insert into staff_duty (user_id, state) select unnest($1::uuid[]), 'online'
         on conflict (user_id) do update set state = 'online'`,
        [agents],
      );
      const perCaseMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await sql.query(
          `with picked as (
             select id from complaints
             where status in ('received', 'assigned')
               and not exists (select from routing_queue q where q.complaint_id = complaints.id)
             order by id limit $2),
           freed as (update complaints c set owner_id = null, status = 'received'
                     from picked where c.id = picked.id returning c.id)
           insert into routing_queue (complaint_id, group_id) select id, $1 from freed`,
          [groupId, cases],
        );
        const started = performance.now();
        const { claimed } = await assignWaitingCases(db, new Date(), cases, [groupId]);
        const ms = performance.now() - started;
        if (claimed === 0) throw new Error("the router gave nothing out");
        perCaseMs.push(ms / claimed);
      }
      results.push({ rule, casesPerRound: cases, perCaseMs: perCaseMs.sort((a, b) => a - b) });
    } finally {
      await sql.query(`delete from routing_queue where group_id = $1`, [groupId]);
      await sql.query(`delete from skill_group_members where group_id = $1`, [groupId]);
      await sql.query(`delete from skill_groups where id = $1`, [groupId]);
      await sql.query(`delete from staff_duty where user_id = any($1::uuid[])`, [agents]);
    }
  }
  return results;
}
