import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import {
  complaints,
  customers,
  outbox,
  portalAccess,
  portalCodes,
  portalHits,
} from "../../db/schema.js";
import { isMobile, normalisePhone } from "../../domain/customer/phone.js";
import {
  CODE_TTL_MS,
  checkCode,
  oneTimeCodeFrom,
  type PortalAction,
  portalLimits,
} from "../../domain/portal/portal-rules.js";
import { secretHash } from "../customer-messages/customer-messaging.js";
import { AppError, fieldInvalid } from "../http/app-error.js";

/** A mobile number as kesu keeps it, or 400: codes go by SMS, so only mobiles are taken. */
export function portalPhone(raw: string): string {
  const phone = normalisePhone(raw);
  if (!isMobile(phone)) throw fieldInvalid("body.phone", "invalid_phone");
  return phone;
}

/**
 * Counts this request against its phone's and its address's limits and refuses it (429) past
 * either. The hit is counted even when refused, so hammering does not reset the window.
 */
export async function countHit(
  db: Database,
  action: PortalAction,
  phone: string,
  address: string,
  now: Date,
) {
  const limit = portalLimits[action];
  const keys = { phone: `${action}:phone:${phone}`, address: `${action}:address:${address}` };
  const since = new Date(now.getTime() - limit.windowMs);
  const [counts] = await db
    .select({
      phone: sql<number>`count(*) filter (where ${portalHits.key} = ${keys.phone})`.mapWith(Number),
      address: sql<number>`count(*) filter (where ${portalHits.key} = ${keys.address})`.mapWith(
        Number,
      ),
    })
    .from(portalHits)
    .where(
      and(sql`${portalHits.key} in (${keys.phone}, ${keys.address})`, gt(portalHits.at, since)),
    );
  await db.insert(portalHits).values([
    { key: keys.phone, at: now },
    { key: keys.address, at: now },
  ]);
  if (counts!.phone >= limit.perPhone || counts!.address >= limit.perAddress)
    throw new AppError("portal_rate_limited");
}

/** A fresh one-time code for the phone, sent by SMS through the outbox. */
export async function sendCode(db: Database, phone: string, address: string, now: Date) {
  const code = oneTimeCodeFrom(randomBytes(3));
  await db.transaction(async (tx) => {
    await tx.insert(portalCodes).values({
      phone,
      codeHash: secretHash(code),
      address,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    await tx.insert(outbox).values({
      channel: "sms",
      eventType: "portal_code",
      payload: {
        to: phone,
        subject: "",
        text: `【kesu】您的验证码是${code}，10分钟内有效，请勿告诉他人。Your code: ${code}`,
      },
    });
  });
}

/**
 * Uses the phone's latest code: a wrong one spends one of its tries, a right one is used up. In a
 * transaction of its own, so a refused request still spends the try.
 */
export const spendOneTimeCode = (db: Database, phone: string, typed: string, now: Date) =>
  db.transaction((tx) => spendCode(tx, phone, typed, now));

async function spendCode(tx: Tx, phone: string, typed: string, now: Date) {
  const [latest] = await tx
    .select()
    .from(portalCodes)
    .where(eq(portalCodes.phone, phone))
    .orderBy(desc(portalCodes.createdAt))
    .limit(1)
    .for("update");
  const check = latest ? checkCode(latest, secretHash(typed), now) : "expired";
  if (latest && check !== "expired")
    await tx
      .update(portalCodes)
      .set(check === "ok" ? { usedAt: now } : { attempts: latest.attempts + 1 })
      .where(eq(portalCodes.id, latest.id));
  return check === "ok";
}

/**
 * The customer's case by number, if the phone is the customer's and the access code (or a fresh
 * SMS code) is right; one answer for every miss, so numbers cannot be probed.
 */
export async function customerCase(
  db: Database,
  proof: {
    number: string;
    phone: string;
    accessCode?: string | undefined;
    code?: string | undefined;
  },
  now: Date,
) {
  const phone = normalisePhone(proof.phone);
  const [found] = await db
    .select({ id: complaints.id, flags: complaints.flags, codeHash: portalAccess.codeHash })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(portalAccess, eq(portalAccess.complaintId, complaints.id))
    .where(and(eq(complaints.number, proof.number.trim()), eq(customers.phone, phone)));
  const byAccessCode =
    proof.accessCode !== undefined &&
    found?.codeHash === secretHash(proof.accessCode.trim().toUpperCase());
  const byCode =
    !byAccessCode &&
    proof.code !== undefined &&
    (await spendOneTimeCode(db, phone, proof.code, now));
  if (!found || found.flags.includes("confidential") || !(byAccessCode || byCode))
    throw new AppError("portal_case_not_found");
  return found.id;
}
