// Reading improvement actions as the API shows them, and writing their history.

import { type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { improvementActionEvents } from "../../db/schema.js";
import type { ActionStatus } from "../../domain/improvement/improvement-actions.js";
import { isOverdue, mayReadAction } from "../../domain/improvement/improvement-actions.js";
import { localDateOf } from "../../domain/sla/zoned-time.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { ActionDto, ListActionsQuery } from "./improvement.schemas.js";

/** One history row of an action, in the transaction of the change it records. */
export async function addActionEvent(
  tx: Tx,
  caller: Caller | null,
  actionId: string,
  type: string,
  data: Record<string, unknown> = {},
) {
  await tx.insert(improvementActionEvents).values({
    actionId,
    type,
    actorId: caller?.id ?? null,
    actorAgentNo: caller?.agentNo ?? null,
    actorName: caller?.displayName ?? null,
    data,
  });
}

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  description: string;
  owner_id: string;
  owner_no: string;
  owner_name: string;
  department_id: string | null;
  department_name: string | null;
  due_date: string;
  status: ActionStatus;
  cause: string | null;
  category: string | null;
  about_zh: string | null;
  about_en: string | null;
  qc_id: string | null;
  qc_number: string | null;
  qc_title: string | null;
  progress_note: string;
  verification_note: string | null;
  version: number;
  created_at: string;
  done_at: string | null;
  verified_at: string | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

const selectActions = (where: SQL) => sql`
  select a.id, a.title, a.description, a.owner_id, o.agent_no as owner_no,
         o.display_name as owner_name, a.department_id, d.name as department_name,
         a.due_date::text, a.status, a.cause, a.category,
         coalesce(tc.label_zh, tg.label_zh) as about_zh, coalesce(tc.label_en, tg.label_en) as about_en,
         q.id as qc_id, q.number as qc_number, q.title as qc_title,
         a.progress_note, a.verification_note, a.version, a.created_at, a.done_at, a.verified_at
    from improvement_actions a
    join users o on o.id = a.owner_id
    left join departments d on d.id = a.department_id
    left join taxonomy_terms tc on tc.list = 'cause' and tc.code = a.cause
    left join taxonomy_terms tg on tg.list = 'category' and tg.code = a.category
    left join quality_cases q on q.id = a.quality_case_id
   where ${where}
   order by a.due_date, a.created_at`;

function present(r: Row, today: string): Omit<ActionDto, "history"> {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    owner: { id: r.owner_id, agentNo: r.owner_no, name: r.owner_name },
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? "" } : null,
    dueDate: r.due_date,
    status: r.status,
    overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today),
    cause: r.cause,
    category: r.category,
    about: { zh: r.about_zh ?? r.cause ?? r.category ?? "", en: r.about_en ?? "" },
    qualityCase: r.qc_id ? { id: r.qc_id, number: r.qc_number!, title: r.qc_title! } : null,
    progressNote: r.progress_note,
    verificationNote: r.verification_note,
    version: r.version,
    createdAt: iso(r.created_at)!,
    doneAt: iso(r.done_at),
    verifiedAt: iso(r.verified_at),
  };
}

const visibleTo = (caller: Caller) =>
  caller.role === "department_handler"
    ? sql`(a.owner_id = ${caller.id} or a.department_id = ${caller.departmentId})`
    : sql`true`;

/** The actions the caller may see, filtered. */
export async function listActions(
  db: Database,
  caller: Caller,
  q: ListActionsQuery,
  timeZone: string,
) {
  const today = localDateOf(new Date(), timeZone);
  const parts: SQL[] = [visibleTo(caller)];
  if (q.status) parts.push(sql`a.status = ${q.status}`);
  if (q.ownerId) parts.push(sql`a.owner_id = ${q.ownerId}`);
  if (q.departmentId) parts.push(sql`a.department_id = ${q.departmentId}`);
  if (q.overdue !== undefined)
    parts.push(
      q.overdue
        ? sql`a.status in ('open', 'in_progress') and a.due_date < ${today}::date`
        : sql`not (a.status in ('open', 'in_progress') and a.due_date < ${today}::date)`,
    );
  const { rows } = await db.execute<Row>(selectActions(sql.join(parts, sql` and `)));
  return { items: rows.map((r) => present(r, today)) };
}

/** One action with its history, or 404 when the caller may not see it. */
export async function loadAction(
  db: Database | Tx,
  caller: Caller,
  id: string,
  timeZone: string,
): Promise<ActionDto> {
  const { rows } = await db.execute<Row>(selectActions(sql`a.id = ${id}`));
  const row = rows[0];
  if (!row || !mayReadAction(caller, { ownerId: row.owner_id, departmentId: row.department_id }))
    throw notFound("improvement_action");
  const events = await db.execute<{
    id: number;
    type: string;
    at: string;
    actor_agent_no: string | null;
    actor_name: string | null;
    data: Record<string, unknown>;
  }>(sql`select id, type, at, actor_agent_no, actor_name, data from improvement_action_events
          where action_id = ${id} order by id`);
  return {
    ...present(row, localDateOf(new Date(), timeZone)),
    history: events.rows.map((e) => ({
      id: Number(e.id),
      type: e.type,
      at: iso(e.at)!,
      actor: { agentNo: e.actor_agent_no, name: e.actor_name },
      data: e.data,
    })),
  };
}
