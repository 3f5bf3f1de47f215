import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database, Tx } from "../../db/client.js";
import { callbacks, complaints, contacts, customers } from "../../db/schema.js";
import { isPlausiblePhone, normalisePhone } from "../../domain/customer/phone.js";
import { fieldInvalid } from "../http/app-error.js";
import { presentCustomer } from "./customer.presenter.js";
import type { customerInput } from "./customer.schemas.js";

export type CustomerInput = z.infer<typeof customerInput>;

export function checkedPhone(raw: string, field = "body.phone"): string {
  const phone = normalisePhone(raw);
  if (!isPlausiblePhone(phone)) {
    throw fieldInvalid(field, "invalid_phone");
  }
  return phone;
}

/**
 * The customer this phone number belongs to, created on first contact. Identifiers the agent
 * adds later (ID card, account) fill blanks; they never overwrite what is on record.
 */
export async function findOrCreateCustomer(tx: Tx, input: CustomerInput) {
  const phone = checkedPhone(input.phone, "body.customer.phone");
  const [row] = await tx
    .insert(customers)
    .values({ ...input, phone, idNumber: input.idNumber?.toUpperCase() })
    .onConflictDoUpdate({
      target: customers.phone,
      set: {
        idNumber: sql`coalesce(${customers.idNumber}, excluded.id_number)`,
        accountNo: sql`coalesce(${customers.accountNo}, excluded.account_no)`,
        email: sql`coalesce(${customers.email}, excluded.email)`,
        address: sql`coalesce(${customers.address}, excluded.address)`,
        // A blank that intake filled is a change: a concurrent edit on the old version must conflict.
        version: sql`${customers.version} + case when
          (${customers.idNumber} is null and excluded.id_number is not null) or
          (${customers.accountNo} is null and excluded.account_no is not null) or
          (${customers.email} is null and excluded.email is not null) or
          (${customers.address} is null and excluded.address is not null) then 1 else 0 end`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}

/** Each customer with every complaint, contact and open callback, newest first. */
export async function withHistory(
  db: Database,
  rows: (typeof customers.$inferSelect)[],
  seePersonalData: boolean,
) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [cases, calls, promises] = await Promise.all([
    db
      .select()
      .from(complaints)
      .where(inArray(complaints.customerId, ids))
      .orderBy(desc(complaints.createdAt)),
    db.select().from(contacts).where(inArray(contacts.customerId, ids)).orderBy(desc(contacts.at)),
    db
      .select()
      .from(callbacks)
      .where(and(inArray(callbacks.customerId, ids), eq(callbacks.status, "open")))
      .orderBy(callbacks.dueAt),
  ]);
  return rows.map((row) => {
    const own = cases.filter((c) => c.customerId === row.id);
    return {
      ...presentCustomer(row, seePersonalData),
      repeat: own.length > 1,
      complaints: own.map((c) => ({
        id: c.id,
        number: c.number,
        kind: c.kind,
        status: c.status,
        subject: c.subject,
        category: c.category,
        severity: c.severity,
        ownerId: c.ownerId,
        reopenCount: c.reopenCount,
        flags: c.flags,
        dueAt: c.dueAt,
        createdAt: c.createdAt,
        closedAt: c.closedAt,
      })),
      contacts: calls
        .filter((c) => c.customerId === row.id)
        .map((c) => ({ ...c, direction: c.direction as "inbound" | "outbound" })),
      openCallbacks: promises
        .filter((p) => p.customerId === row.id)
        .map((p) => ({ ...p, status: p.status as "open" })),
    };
  });
}
