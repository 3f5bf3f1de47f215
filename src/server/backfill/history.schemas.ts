import { z } from "zod";
import { historyRowRefusals } from "../../domain/backfill/history-row.js";
import { importReport } from "../http/import-report.js";
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

export const historyImportReportSchema = importReport("legacyNo", historyRefusals);
export type HistoryImportReport = z.infer<typeof historyImportReportSchema>;
