// Service recovery (补救): what is given to a complainant to put a failure right (seed 003, seed 004).

export const remedyTypes = ["refund", "fee_waiver", "compensation", "gift", "apology"] as const;
export type RemedyType = (typeof remedyTypes)[number];

export const remedyStatuses = ["granted", "pending_approval", "rejected", "reversed"] as const;
export type RemedyStatus = (typeof remedyStatuses)[number];

/**
 * What a remedy row itself holds. `reversed` is never stored: a reversal is a row of its own, so
 * a granted remedy's record never changes, and the status shown is read from both.
 */
export const storedRemedyStatuses = ["granted", "pending_approval", "rejected"] as const;
export type StoredRemedyStatus = (typeof storedRemedyStatuses)[number];

/** An apology costs nothing: its amount is always zero, and it never needs approval. */
export const isFree = (type: RemedyType) => type === "apology";

/** The status people see: a granted remedy with a reversal is `reversed`. */
export const shownStatus = (stored: StoredRemedyStatus, reversed: boolean): RemedyStatus =>
  stored === "granted" && reversed ? "reversed" : stored;

/** What a ledger total counts of one remedy. */
export interface LedgerEntry {
  type: RemedyType;
  amountFen: number;
  status: RemedyStatus;
}

/** Per type, in fen: everything ever granted, what of it was reversed, and what stands. */
export interface LedgerTotal {
  granted: number;
  reversed: number;
  net: number;
}

/**
 * The ledger's totals from its rows, so they cannot disagree: a reversed remedy was granted and
 * then taken back (it counts in both), pending and rejected ones gave nothing. Every type is
 * listed, with zeros when it has no rows.
 */
export function ledgerTotals(entries: readonly LedgerEntry[]): Record<RemedyType, LedgerTotal> {
  const totals = Object.fromEntries(
    remedyTypes.map((type) => [type, { granted: 0, reversed: 0, net: 0 }]),
  ) as Record<RemedyType, LedgerTotal>;
  for (const { type, amountFen, status } of entries) {
    if (status !== "granted" && status !== "reversed") continue;
    const total = totals[type];
    total.granted += amountFen;
    if (status === "reversed") total.reversed += amountFen;
    total.net = total.granted - total.reversed;
  }
  return totals;
}
