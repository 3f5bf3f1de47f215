import { and, asc, desc, eq, isNull, notExists, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  complaints,
  customers,
  finishedStatusList,
  qualityCaseComplaints,
  users,
} from "../../db/schema.js";
import { canSeePersonalData, identifierSearch } from "../../domain/access/roles.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { searchCondition } from "../case/search-text.js";
import { visibleTo } from "../case/visible-complaint.js";
import type { Caller } from "../http/app-types.js";
import type { SimilarQuery } from "./quality-case.schemas.js";

export type SimilarReason = "product" | "model" | "batch" | "text";

/**
 * Complaints an 8D may answer too: the same product, model or batch named on the complaint, or a
 * text sharing at least half of the title's character pairs (the complaint search's keys). Only
 * complaints the caller may see (a department handler's own) and not yet on any 8D; open ones
 * first, then the closest, then the newest. Model and batch are found as the search finds a term,
 * so a role that sees identifiers masked cannot find a complaint by a masked number.
 */
export async function similarComplaints(db: Database, caller: Caller, query: SimilarQuery) {
  const identifiers = identifierSearch(caller.role);
  const term = (value?: string | null) =>
    value?.trim() ? searchCondition(value.trim(), "index", identifiers) : undefined;
  const product = query.product?.trim()
    ? or(
        sql`lower(${complaints.complainedProduct}) = lower(${query.product.trim()})`,
        term(query.product),
      )!
    : undefined;
  const model = term(query.model);
  const batch = term(query.batch);
  const text = query.text?.trim() ?? "";
  const ownText =
    identifiers === "any_part"
      ? sql`${complaints.subject} || ' ' || ${complaints.description}`
      : sql`kesu_without_identifiers(${complaints.subject} || ' ' || ${complaints.description})`;
  const textGrams = sql`kesu_search_grams(${text})`;
  const shared = sql`cardinality(array(select unnest(kesu_search_grams(${ownText})) intersect select unnest(${textGrams})))`;
  // A single pair (two characters) says too little to call two complaints alike.
  const textMatch =
    text.length >= 3
      ? sql`(${complaints.searchGrams} && ${textGrams} and ${shared} * 2 >= cardinality(${textGrams}))`
      : undefined;
  const matches: [SimilarReason, SQL | undefined][] = [
    ["product", product],
    ["model", model],
    ["batch", batch],
    ["text", textMatch],
  ];
  const used = matches.filter((m): m is [SimilarReason, SQL] => m[1] !== undefined);
  if (used.length === 0) return { items: [] };
  const hit = (condition: SQL) => sql<boolean>`coalesce(${condition}, false)`;
  const score = sql.join(
    used.map(([reason, c]) => sql`(${hit(c)})::int * ${reason === "text" ? 1 : 2}`),
    sql` + `,
  );
  const open = sql<boolean>`${complaints.status} not in (${finishedStatusList})`;
  const rows = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      subject: complaints.subject,
      status: complaints.status,
      open,
      product: complaints.complainedProduct,
      customerName: customers.name,
      owner: sql<{
        id: string;
        agentNo: string;
        name: string;
      } | null>`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = ${complaints.ownerId})`,
      createdAt: complaints.createdAt,
      hits: sql<boolean[]>`array[${sql.join(
        used.map(([, c]) => hit(c)),
        sql`, `,
      )}]`,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(
      and(
        visibleTo(caller),
        isNull(complaints.mergedIntoId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(qualityCaseComplaints)
            .where(eq(qualityCaseComplaints.complaintId, complaints.id)),
        ),
        query.exclude ? sql`${complaints.id} <> ${query.exclude}` : undefined,
        or(...used.map(([, c]) => c)),
      ),
    )
    .orderBy(desc(open), sql`${score} desc`, desc(complaints.createdAt), asc(complaints.id))
    .limit(20);
  const personal = canSeePersonalData(caller.role);
  const shown = textShownTo(caller.role);
  return {
    items: rows.map(({ hits, ...r }) => ({
      ...r,
      subject: shown(r.subject),
      customerName: personal ? r.customerName : null,
      reasons: used.filter((_, i) => hits[i]).map(([reason]) => reason),
    })),
  };
}
