// What a report's rows are, on the facts row `f`: its key per grouping.

import { type SQL, sql } from "drizzle-orm";
import type { Grouping } from "./report.schemas.js";

/** The group key of a facts row (`f`, and `g` for a case's causes, one row each). */
export const groupKey: Record<Grouping, SQL> = {
  department: sql`f.lead_department_id::text`,
  agent: sql`f.owner_id::text`,
  category: sql`f.category`,
  cause: sql`g.cause`,
  channel: sql`f.channel`,
  businessType: sql`f.business_type`,
  product: sql`f.product`,
  source: sql`f.source`,
};

/** A case with several causes is a row of each; one with none, a row of "no cause". */
export const causeRows = sql`cross join lateral unnest(
  case when cardinality(f.causes) = 0 then array[null::text] else f.causes end) g(cause)`;

/**
 * The regulator's classified table's row (regulator-report.ts): channel × business type × the
 * case's primary cause, as one key.
 */
export const regulatorKey = sql`json_build_array(f.channel, f.business_type, f.causes[1])::text`;
