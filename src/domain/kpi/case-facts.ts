// What the KPIs read of one complaint: its row's facts plus a few taken from its history (last
// reply, first response, pauses, dispatches, contacts, remedies). The reports build the same record
// in SQL (server/reports/case-facts.sql.ts), one per case, and aggregate it where it lies.

import type { ComplaintStatus, Satisfaction } from "../complaint/complaint-lifecycle.js";

/** A pause of the case's reply deadline; an open one (`to` null) runs on. */
export interface FactPause {
  from: Date;
  to: Date | null;
}

export interface CaseFacts {
  status: ComplaintStatus;
  receivedAt: Date;
  /** The reply deadline in force for the current round: approved extensions and pauses included. */
  dueAt: Date;
  closedAt: Date | null;
  /** The decision given to the customer last (答复); after 重办, the new round's. */
  lastReplyAt: Date | null;
  /** The first reply or the first outbound call, whichever came first. */
  firstResponseAt: Date | null;
  /** Pauses of every round's reply clock (appraisal, waiting for the customer). */
  pauses: readonly FactPause[];
  satisfaction: Satisfaction | null;
  reopenCount: number;
  escalationLevel: number;
  /** 主办 (lead) work orders over all rounds: each re-dispatch adds one. */
  leadOrders: number;
  /** Work orders a department handed back (退单). */
  returnedOrders: number;
  /** Times the customer contacted us on this case, the intake itself included. */
  inboundContacts: number;
  /** The sum in fen of the case's granted remedies that stand (not reversed). */
  remedyFen: number;
  /** Came in as an upper-level or regulator transfer (上级/监管转办). */
  transferred: boolean;
  /** kesu flagged it a repeat of the customer's earlier complaint (重复投诉). */
  repeat: boolean;
  /** The lead department's finding: the complaint was founded (属实). */
  substantiated: boolean;
  /** The same customer complained again within 14 days of receipt (≈ 10 working days). */
  cameBackSoon: boolean;
}

export type BooleanFact = "transferred" | "repeat" | "substantiated" | "cameBackSoon";
export type CountFact =
  | "reopenCount"
  | "escalationLevel"
  | "leadOrders"
  | "returnedOrders"
  | "inboundContacts";
export type TimeFact = "receivedAt" | "dueAt" | "closedAt" | "lastReplyAt" | "firstResponseAt";
