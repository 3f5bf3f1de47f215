import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { complaints } from "./cases.js";
import { at, requiredRef } from "./columns.js";
import { users } from "./staff.js";

/**
 * 历史数据导入: each case taken from an earlier system, by its number there. A second import of
 * the same file finds its rows here and adds nothing; who imported it and when is kept beside.
 */
export const importedCases = pgTable(
  "imported_cases",
  {
    /** The earlier system's name, as the admin gave it (旧客服系统, 2025年台账…). */
    system: text("system").notNull(),
    legacyNo: text("legacy_no").notNull(),
    complaintId: requiredRef("complaint_id", () => complaints.id).unique(),
    importedById: requiredRef("imported_by_id", () => users.id),
    importedAt: at("imported_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.system, t.legacyNo] })],
);
