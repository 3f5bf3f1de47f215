// The demo as data: what each complaint is and which people do what to it, in order. The loader
// turns every step into a real API request, so the plan names people and departments, not ids.

import type {
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
} from "../domain/complaint/complaint-lifecycle.js";
import type { CloseReasonCode, ContactOutcome } from "../domain/complaint/follow-up-rules.js";
import type { CaseResponsibility } from "../domain/complaint/judgement.js";
import type { Responsibility } from "../domain/complaint/work-order-lifecycle.js";

export interface DemoCustomer {
  name: string;
  phone: string;
  idNumber?: string;
  accountNo?: string;
  address?: string;
}

export interface DemoIntake {
  kind: ComplaintKind;
  channel: string;
  /** An upper-level transfer; its deadline is counted from the moment of loading. */
  transfer?: { hotline: string; externalNo: string; dueInDays: number };
  subject: string;
  description: string;
  demand?: string;
  demandAmount?: number;
  category: string;
  businessType: string;
  causes: string[];
  severity: "low" | "normal" | "high" | "critical";
  mentality?: "venting" | "authority" | "gain" | "attention";
  complainedBranch?: string;
  complainedEmployee?: string;
  complainedProduct?: string;
}

/** The owner's finding (PATCH /complaints/{id}), which a close waits for. */
export interface DemoFinding {
  responsibility?: CaseResponsibility;
  substantiated?: boolean;
  findingNote?: string;
}

type By = { by: string };
export type DemoStep = By &
  (
    | { do: "assign"; owner: string }
    | {
        do: "update";
        changes: Partial<Pick<DemoIntake, "severity" | "causes" | "mentality">> & DemoFinding;
      }
    | { do: "dispatch"; departments: { code: string; lead?: boolean }[]; instructions?: string }
    | { do: "accept"; department: string }
    | { do: "return"; department: string; reason: string }
    | {
        do: "result";
        department: string;
        result: string;
        substantiated: boolean;
        responsibility: Responsibility;
      }
    | { do: "reply"; message: string; remedy?: string; redressRoutes?: string }
    | { do: "follow-up"; satisfaction: Satisfaction; comment?: string }
    | { do: "close"; reason: string; reasonCode?: CloseReasonCode }
    | { do: "reopen" | "escalate" | "upgrade" | "withdraw"; reason: string }
    | { do: "merge"; into: string }
    | { do: "note"; text: string }
    | {
        do: "contact";
        direction: "inbound" | "outbound";
        channel: string;
        summary: string;
        outcome?: ContactOutcome;
      }
    | { do: "callback"; dueInHours: number; note: string }
  );

export interface ComplaintPlan {
  /** Names the plan for a later merge into it. */
  ref: string;
  customer: DemoCustomer;
  /** The agent who takes the call; `own` makes them the accountable owner at once (首问负责). */
  intake: { by: string; own: boolean; complaint: DemoIntake };
  steps: DemoStep[];
  /** Where the steps lead; the loader checks it, so a wrong plan cannot pass unnoticed. */
  expected: ComplaintStatus;
  /** One of the seed documents' stories, told end to end. */
  story?: string;
}
