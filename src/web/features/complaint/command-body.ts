import type { Dayjs } from "dayjs";
import { api, queryString } from "../../api/client";
import type { CommandName, Complaint, ComplaintListItem, Page } from "../../api/types";

/** Commands that append to the record without changing the case carry no version. */
const unversioned: CommandName[] = ["note", "contact", "callback"];

type Values = Record<string, unknown>;
const optional = (value: unknown) =>
  typeof value === "string" && value.trim() ? value : undefined;

/** Turns a modal's form values into the command's request body. */
export async function commandBody(command: CommandName, complaint: Complaint, v: Values) {
  const versioned = unversioned.includes(command) ? {} : { version: complaint.version };
  switch (command) {
    case "dispatch": {
      const ids = (v.departmentIds as string[]) ?? [];
      return {
        ...versioned,
        departments: ids.map((departmentId) => ({ departmentId, lead: departmentId === v.lead })),
        instructions: optional(v.instructions),
      };
    }
    case "callback":
      return { dueAt: (v.dueAt as Dayjs).toISOString(), note: optional(v.note) };
    case "merge": {
      const number = String(v.intoNumber).trim();
      const found = await api.get<Page<ComplaintListItem>>(
        `/complaints${queryString({ q: number, limit: 5 })}`,
      );
      const target = found.items.find((c) => c.number === number);
      return { ...versioned, intoId: target?.id ?? "00000000-0000-4000-8000-000000000000" };
    }
    case "reply":
      return {
        ...versioned,
        message: v.message,
        remedy: optional(v.remedy),
        redressRoutes: optional(v.redressRoutes),
      };
    case "follow-up":
      return { ...versioned, satisfaction: v.satisfaction, comment: optional(v.comment) };
    case "contact": {
      const { unreachable, ...contact } = v;
      return { ...contact, ...(unreachable ? { outcome: "unreachable" } : {}) };
    }
    case "upgrade":
    case "withdraw":
      return { ...versioned, reason: optional(v.reason) };
    default:
      return { ...versioned, ...v };
  }
}
