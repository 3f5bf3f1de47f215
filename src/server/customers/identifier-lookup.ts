import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints } from "../../db/schema.js";
import { canSeePersonalData, type Role } from "../../domain/access/roles.js";
import {
  type IdentifierKind,
  type IdentifierReading,
  readIdentifier,
} from "../../domain/customer/identifier.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { normalisePhone } from "../../domain/customer/phone.js";
import { type CustomerCriteria, lookUpCustomers } from "./customer.store.js";

type FoundCustomer = Awaited<ReturnType<typeof lookUpCustomers>>[number];

/**
 * GET /lookup: whatever the agent typed, read as every kind it could be (domain/customer/
 * identifier.ts) and looked up as each, so a meter number is never taken for a new caller's phone.
 * `kind` is the first reading that found anything; every match is listed with what it matched
 * by, for the agent to choose from.
 */
export async function lookUpIdentifier(db: Database, input: string, role: Role) {
  const found = new Map<string, FoundCustomer & { matchedBy: IdentifierKind }>();
  const cases: (CaseMatch & { matchedBy: IdentifierKind })[] = [];
  let kind: IdentifierKind | null = null;
  // Every reading at once (a mobile is also an account and a hotline's number): the agent waits
  // for the slowest statement, not for all of them in turn; merged in the readings' order.
  const answers = await Promise.all(readIdentifier(input).map((r) => lookUpReading(db, r, role)));
  for (const { reading, matchedCases, matchedCustomers } of answers) {
    if (matchedCases.length + matchedCustomers.length > 0) kind ??= reading.kind;
    cases.push(...matchedCases.map((c) => ({ ...c, matchedBy: reading.kind })));
    for (const customer of matchedCustomers)
      if (!found.has(customer.id)) found.set(customer.id, { ...customer, matchedBy: reading.kind });
  }
  return { kind, customers: [...found.values()], complaints: cases };
}

/**
 * GET /lookup?completing=true: a mobile missing its last digit, as the agent types it; the
 * customers whose mobile is one of its ten endings, matched by phone. The intake shows the one
 * the last digit names at once, and still asks for the whole number (which may be an account too).
 */
export async function lookUpMobileEndings(db: Database, input: string, role: Role) {
  const start = normalisePhone(input);
  // Only for roles that see phones whole: a masked phone's hidden digits are never found by trying.
  if (!canSeePersonalData(role) || !/^1[3-9]\d{8}$/.test(start))
    return { kind: null, customers: [], complaints: [] };
  const phones = Array.from({ length: 10 }, (_, digit) => `${start}${digit}`);
  const customers = (await lookUpCustomers(db, { phones }, role)).map((c) => ({
    ...c,
    matchedBy: "phone" as const,
  }));
  return { kind: customers.length > 0 ? ("phone" as const) : null, customers, complaints: [] };
}

/** One reading's cases (a case or hotline number) and customers. */
async function lookUpReading(db: Database, reading: IdentifierReading, role: Role) {
  const matchedCases = await casesMatching(db, reading, role);
  const criteria = criteriaOf(reading) ?? uniqueCustomers(matchedCases);
  const matchedCustomers = (
    await Promise.all(criteria.map((c) => lookUpCustomers(db, c, role)))
  ).flat();
  return { reading, matchedCases, matchedCustomers };
}

/** How a reading finds customers directly; undefined for the kinds that find cases first. */
function criteriaOf({ kind, value }: IdentifierReading): CustomerCriteria[] | undefined {
  switch (kind) {
    case "phone":
      return [{ phone: value }];
    case "id_number":
      return [{ idNumber: value }];
    case "email":
      return [{ email: value }];
    case "account":
      return [{ accountNo: value }];
    case "name":
      return [{ q: value }];
    default:
      return undefined;
  }
}

const uniqueCustomers = (cases: CaseMatch[]): CustomerCriteria[] =>
  [...new Set(cases.map((c) => c.customerId))].map((id) => ({ id }));

type CaseMatch = Awaited<ReturnType<typeof casesMatching>>[number];

/** A case number or an upper-level hotline's own number names cases, and through them callers. */
async function casesMatching(db: Database, { kind, value }: IdentifierReading, role: Role) {
  const column = {
    complaint_number: complaints.number,
    external_number: complaints.sourceExternalNo,
  }[kind as string];
  if (!column) return [];
  const rows = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      status: complaints.status,
      subject: complaints.subject,
      customerId: complaints.customerId,
      createdAt: complaints.createdAt,
    })
    .from(complaints)
    .where(eq(column, value))
    .limit(20);
  const shown = textShownTo(role);
  return rows.map((row) => ({ ...row, subject: shown(row.subject) }));
}
