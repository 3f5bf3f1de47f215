import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { rowsFromJson } from "../../db/json-rows.js";
import { preparedRead } from "../../db/prepared.js";
import {
  callbacks,
  complaints,
  contacts,
  customers,
  remedies,
  remedyReversals,
  timelineEvents,
  users,
} from "../../db/schema.js";
import { canSeePersonalData, type Role } from "../../domain/access/roles.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { isPlausiblePhone, normalisePhone } from "../../domain/customer/phone.js";
import { yuanFromFen } from "../../domain/remedy/money.js";
import { presentRisk } from "../case/present-risk.js";
import { fieldInvalid } from "../http/app-error.js";
import { presentCustomer } from "./customer.presenter.js";

export function checkedPhone(raw: string, field = "body.phone"): string {
  const phone = normalisePhone(raw);
  if (!isPlausiblePhone(phone)) {
    throw fieldInvalid(field, "invalid_phone");
  }
  return phone;
}

/** Who answers for the case, by agent number (工号), as the caller asks "who has my case?". */
const caseOwner = sql`(select json_build_object('agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = c.owner_id)`;

/** The last thing the customer was told: a reply, or a call made to them. */
const lastToCustomer = sql`(select json_build_object('at', e.at, 'type', e.type, 'text', kesu_event_text(e.type, e.data))
  from ${timelineEvents} e where e.complaint_id = c.id
    and (e.type = 'replied' or (e.type = 'contact' and e.data->>'direction' = 'outbound'))
  order by e.id desc limit 1)`;

/** What was granted on the case and not taken back (补救, with reversals netted out). */
const remediesGrantedFen = sql`(select coalesce(sum(r.amount_fen), 0) from ${remedies} r where r.complaint_id = c.id
  and r.status = 'granted' and not exists (select 1 from ${remedyReversals} v where v.remedy_id = r.id))`;

/** A customer's complaints (newest first), contacts (newest first) and open callbacks, as JSON. */
const historyLists = {
  cases: sql<unknown>`(select json_agg(json_build_object('id', c.id, 'number', c.number, 'kind', c.kind, 'status', c.status, 'subject', c.subject, 'category', c.category, 'severity', c.severity, 'owner_id', c.owner_id, 'reopen_count', c.reopen_count, 'flags', c.flags, 'due_at', c.due_at, 'created_at', c.created_at, 'closed_at', c.closed_at, 'satisfaction', c.satisfaction, 'risk_level', c.risk_level, 'risk_score', c.risk_score, 'risk_reasons', c.risk_reasons, 'owner', ${caseOwner}, 'last_to_customer', ${lastToCustomer}, 'remedies_granted_fen', ${remediesGrantedFen}) order by c.created_at desc) from ${complaints} c where c.customer_id = customers.id)`,
  calls: sql<unknown>`(select json_agg(to_jsonb(k) order by k.at desc) from ${contacts} k where k.customer_id = customers.id)`,
  promises: sql<unknown>`(select json_agg(to_jsonb(p) order by p.due_at) from ${callbacks} p where p.customer_id = customers.id and p.status = 'open')`,
};

/** How a customer is looked up: any of these, all given ones must match. */
export interface CustomerCriteria {
  id?: string;
  phone?: string;
  idNumber?: string;
  accountNo?: string;
  /** Matched in any letter case. */
  email?: string;
  /** Part of the name, or the whole phone number. */
  q?: string;
  /** Any of these phones (normalised). */
  phones?: string[];
}

const criteriaNames = ["id", "phone", "idNumber", "accountNo", "email", "q", "phones"] as const;

/** One statement per combination of criteria, the customers and all their history in it. */
const lookup = preparedRead((db, variant: string) => {
  const given = new Set(variant.split(","));
  const value = (name: string) => sql.placeholder(name);
  return db
    .select({ customer: customers, ...historyLists })
    .from(customers)
    .where(
      and(
        given.has("id") ? eq(customers.id, value("id")) : undefined,
        given.has("phone") ? eq(customers.phone, value("phone")) : undefined,
        given.has("phones") ? sql`${customers.phone} = any(${value("phones")})` : undefined,
        given.has("idNumber") ? eq(customers.idNumber, value("idNumber")) : undefined,
        given.has("accountNo") ? eq(customers.accountNo, value("accountNo")) : undefined,
        given.has("email") ? sql`lower(${customers.email}) = lower(${value("email")})` : undefined,
        given.has("q")
          ? or(ilike(customers.name, value("namePattern")), eq(customers.phone, value("q")))
          : undefined,
      ),
    )
    .orderBy(desc(customers.updatedAt))
    .limit(20)
    .prepare(`customer_lookup_${variant.replaceAll(",", "_")}`);
});

/** What the case summary adds to the complaint's own columns, as the statement built it. */
interface CaseExtras {
  satisfaction: string | null;
  owner: { agentNo: string; name: string } | null;
  last_to_customer: { at: string; type: string; text: string | null } | null;
  remedies_granted_fen: number;
}

function caseExtras(json: CaseExtras, shown: (text: string) => string) {
  const last = json.last_to_customer;
  return {
    satisfaction: json.satisfaction,
    owner: json.owner,
    lastToCustomer: last && {
      at: new Date(last.at),
      type: last.type,
      text: shown(last.text ?? ""),
    },
    remediesGranted: yuanFromFen(Number(json.remedies_granted_fen)),
  };
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/** The customers matching every given criterion (at most 20), each with its whole history. */
export async function lookUpCustomers(db: Database, criteria: CustomerCriteria, role: Role) {
  const given = criteriaNames.filter((name) => criteria[name] !== undefined);
  const rows = await lookup(db, given.join(",")).execute({
    ...criteria,
    phone: criteria.phone && normalisePhone(criteria.phone),
    idNumber: criteria.idNumber?.toUpperCase(),
    namePattern: criteria.q && likePattern(criteria.q),
    q: criteria.q && (normalisePhone(criteria.q) || criteria.q),
  });
  // Free text may hold identifiers too: masked wherever the customer's own fields are.
  const shown = textShownTo(role);
  return rows.map((row) => {
    const json = (row.cases ?? []) as CaseExtras[];
    const cases = rowsFromJson(complaints, json);
    return {
      ...presentCustomer(row.customer, canSeePersonalData(role)),
      repeat: cases.length > 1,
      complaints: cases.map((c, i) => ({
        ...caseExtras(json[i]!, shown),
        id: c.id,
        number: c.number,
        kind: c.kind,
        status: c.status,
        subject: shown(c.subject),
        category: c.category,
        severity: c.severity,
        ownerId: c.ownerId,
        reopenCount: c.reopenCount,
        flags: c.flags,
        dueAt: c.dueAt,
        createdAt: c.createdAt,
        closedAt: c.closedAt,
        risk: presentRisk(c),
      })),
      contacts: rowsFromJson(contacts, row.calls).map((c) => ({
        ...c,
        summary: shown(c.summary),
      })),
      openCallbacks: rowsFromJson(callbacks, row.promises).map((p) => ({
        ...p,
        note: shown(p.note),
      })),
    };
  });
}
