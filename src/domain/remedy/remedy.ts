// Service recovery (补救): what is given to a complainant to put a failure right (seed 003, seed 004).

export const remedyTypes = ["refund", "fee_waiver", "compensation", "gift", "apology"] as const;
export type RemedyType = (typeof remedyTypes)[number];

export const remedyStatuses = ["granted", "pending_approval", "rejected", "reversed"] as const;
export type RemedyStatus = (typeof remedyStatuses)[number];

/** An apology costs nothing: its amount is always zero, and it never needs approval. */
export const isFree = (type: RemedyType) => type === "apology";
