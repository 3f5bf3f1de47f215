import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { scoreUnscored } from "../server/case/case-risk.js";
import type { Clock } from "../server/clock.js";
import { messagingOf } from "../server/customer-messages/customer-messaging.js";
import { pruneExpiredExports, runNextExport } from "../server/exports/run-export.js";
import { raiseGroupAlerts } from "../server/incidents/commands/raise-group-alerts.js";
import type { Senders } from "../server/notifications/senders.js";
import { refreshCaseFacts } from "../server/reports/refresh-case-facts.js";
import { refreshReportRollup } from "../server/reports/refresh-report-rollup.js";
import { deliverDueOutbox } from "./deliver-outbox.js";
import { pruneExpired } from "./housekeeping.js";
import { mailMonthlyAnalysisWhenDue, tellOverdueOwners } from "./monthly-analysis.js";
import { type RecurringJob, startRecurringJob } from "./recurring-job.js";
import { rescoreDueRisk } from "./rescore-risk.js";
import { routeWaitingCases } from "./route-cases.js";
import { sweepDueClocks } from "./sla-sweep/sweep.js";
import { type SuggestionSchedule, trainSuggestionsWhenDue } from "./train-suggestions.js";

/** Every background job a kesu server runs, each with its schedule. */
export function startJobs(options: {
  db: Database;
  /** DATABASE_READ_URL's replica, where exports read their rows (none: the primary). */
  replica?: Database | null;
  config: Pick<
    Config,
    | "KESU_SWEEP_SECONDS"
    | "KESU_SWEEP_BATCH"
    | "KESU_ROUTING_SECONDS"
    | "KESU_CUSTOMER_MESSAGES"
    | "KESU_PUBLIC_URL"
    | "KESU_TIMEZONE"
    | "KESU_GROUP_COMPLAINT_CUSTOMERS"
    | "KESU_GROUP_COMPLAINT_MINUTES"
    | "KESU_RISK_RESCORE_SECONDS"
  > &
    SuggestionSchedule;
  senders: Senders;
  log: FastifyBaseLogger;
  clock: Clock;
}): RecurringJob[] {
  const { db, replica, config, senders, log, clock } = options;
  const messaging = messagingOf(config);
  return [
    startRecurringJob({
      name: "sla-sweep",
      intervalMs: config.KESU_SWEEP_SECONDS * 1000,
      batchSize: config.KESU_SWEEP_BATCH,
      log,
      runBatch: (size) => sweepDueClocks(db, clock.now(), { batchSize: size, messaging }),
    }),
    // Mail and webhooks leave soon after the change that caused them commits.
    startRecurringJob({
      name: "outbox",
      intervalMs: 2000,
      batchSize: 20,
      log,
      runBatch: (size) => deliverDueOutbox(db, senders, clock.now(), size),
    }),
    startRecurringJob({
      name: "routing",
      intervalMs: config.KESU_ROUTING_SECONDS * 1000,
      batchSize: 100,
      log,
      runBatch: (size) => routeWaitingCases(db, clock.now(), size),
    }),
    // 群体性投诉: checked as often as deadlines; each group alerts once per window.
    startRecurringJob({
      name: "group-complaints",
      intervalMs: config.KESU_SWEEP_SECONDS * 1000,
      batchSize: Number.MAX_SAFE_INTEGER,
      log,
      runBatch: () =>
        raiseGroupAlerts(db, clock.now(), {
          minCustomers: config.KESU_GROUP_COMPLAINT_CUSTOMERS,
          windowMinutes: config.KESU_GROUP_COMPLAINT_MINUTES,
        }),
    }),
    // Cases from before escalation risk was stored are scored once, in batches, soon after start;
    // afterwards each run finds none (a partial index of the unscored) and costs one probe.
    startRecurringJob({
      name: "risk-backfill",
      intervalMs: 3_600_000,
      batchSize: 500,
      log,
      runBatch: (size) => scoreUnscored(db, size),
    }),
    // Reports catch up on what changed before they read; this keeps that catch-up small, and fills
    // the facts of every case there was when the table was made (migration 0037) soon after start.
    startRecurringJob({
      name: "report-facts",
      intervalMs: 10_000,
      batchSize: 2000,
      log,
      runBatch: (size) => refreshCaseFacts(db, size),
    }),
    // The daily rollup the center-wide reports read: the days those facts changed, a week at a
    // time, and every day once after an upgrade (1M cases: about five minutes); with no day left, the
    // monthly rows of an ended month not built yet, one a batch.
    startRecurringJob({
      name: "report-rollup",
      intervalMs: 10_000,
      batchSize: 7,
      log,
      runBatch: (size) => refreshReportRollup(db, config.KESU_TIMEZONE, size),
    }),
    // A reason that lapses with time (a contact leaving the 30-day window) is taken off the stored
    // risk without waiting for the case's next change; each case waits for its own moment.
    startRecurringJob({
      name: "risk-rescore",
      intervalMs: config.KESU_RISK_RESCORE_SECONDS * 1000,
      batchSize: 200,
      log,
      runBatch: (size) => rescoreDueRisk(db, clock.now(), size),
    }),
    // 导出任务: the server that took the request starts it at once (export-kick.ts); this takes
    // over what is left, such as an export whose server stopped halfway.
    startRecurringJob({
      name: "exports",
      intervalMs: 5000,
      batchSize: 1,
      log,
      runBatch: () => runNextExport({ db, replica, timeZone: config.KESU_TIMEZONE }),
    }),
    startRecurringJob({
      name: "export-expiry",
      intervalMs: 3_600_000,
      batchSize: 1,
      log,
      runBatch: () => pruneExpiredExports(db),
    }),
    // 月度投诉分析: last month's, made and mailed once in the first days of a month (any server).
    startRecurringJob({
      name: "monthly-analysis",
      intervalMs: 600_000,
      batchSize: 1,
      log,
      runBatch: () => mailMonthlyAnalysisWhenDue(db, clock.now(), config.KESU_TIMEZONE),
    }),
    startRecurringJob({
      name: "improvement-overdue",
      intervalMs: 600_000,
      batchSize: 100,
      log,
      runBatch: (size) => tellOverdueOwners(db, clock.now(), config.KESU_TIMEZONE, size),
    }),
    startRecurringJob({
      name: "housekeeping",
      intervalMs: 3_600_000,
      batchSize: 1,
      log,
      runBatch: () => pruneExpired(db),
    }),
    // Intake's suggestions relearn from the day's closed cases once a night (train-suggestions.ts).
    startRecurringJob({
      name: "suggestion-training",
      intervalMs: 600_000,
      batchSize: 1,
      log,
      runBatch: () => trainSuggestionsWhenDue(db, clock.now(), config),
    }),
  ];
}
