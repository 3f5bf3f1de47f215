// The database schema, one file per part of kesu (src/db/schema/); drizzle-kit reads it from here.
export * from "./schema/cases.js";
export * from "./schema/customer-side.js";
export * from "./schema/improvement.js";
export * from "./schema/inbound.js";
export * from "./schema/incidents.js";
export * from "./schema/knowledge.js";
export * from "./schema/notifications.js";
export * from "./schema/quality.js";
export * from "./schema/remedies.js";
export * from "./schema/reports.js";
export * from "./schema/risk.js";
export * from "./schema/routing.js";
export * from "./schema/settings.js";
export * from "./schema/sla.js";
export * from "./schema/staff.js";
export * from "./schema/suggestions.js";
export * from "./schema/workbench.js";
