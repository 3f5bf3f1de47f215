import { z } from "zod";
import { historyRowRefusals } from "../../domain/backfill/history-row.js";
import { text } from "../http/input-fields.js";

/** Why a row was not taken: what the row says, or what kesu refused when replaying it. */
export const historyRefusals = [
  ...historyRowRefusals,
  "duplicate_in_file",
  "unknown_agent_no",
  "invalid_field",
  "refused_by_kesu",
] as const;

export const historyImportQuery = z.object({
  /** The earlier system's name; with each row's number there it recognises a re-import. */
  system: text(100),
});

/** What the import did with each row; rows count from 1 after the header, as a spreadsheet shows. */
export const historyImportReportSchema = z.object({
  total: z.number(),
  taken: z.array(z.object({ row: z.number(), legacyNo: z.string(), number: z.string() })),
  alreadyImported: z.array(z.object({ row: z.number(), legacyNo: z.string() })),
  refused: z.array(
    z.object({
      row: z.number(),
      legacyNo: z.string().nullable(),
      reasons: z.array(z.enum(historyRefusals)),
      /** The 工号, field or kesu's error code behind the refusal. */
      detail: z.string().optional(),
    }),
  ),
});

export type HistoryImportReport = z.infer<typeof historyImportReportSchema>;
