/** What can be exported, in which formats, and how an export moves (issue 15, exports with progress). */
export const exportKinds = ["queue", "report"] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportFormats = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportStatuses = ["queued", "running", "done", "failed"] as const;
export type ExportStatus = (typeof exportStatuses)[number];

export const exportReports = ["kpis", "trend", "causes", "regulator"] as const;
export type ExportReport = (typeof exportReports)[number];

/** A finished file is kept this long, then housekeeping deletes it and its row. */
export const EXPORT_KEEP_HOURS = 24;

/**
 * A running export whose runner has not reported a batch for this long is taken to have died
 * with its server, and another runner starts it again from the beginning.
 */
export const EXPORT_STALE_SECONDS = 120;

/** Rows read and written per batch: the unit of progress and of memory. */
export const EXPORT_BATCH = 2000;

/** Whole percent done; a total of zero is a finished export. */
export function exportPercent(rowsDone: number, rowsTotal: number | null): number | null {
  if (rowsTotal === null) return null;
  if (rowsTotal === 0) return 100;
  return Math.min(100, Math.floor((rowsDone / rowsTotal) * 100));
}

/** The download's name: the queue's with the center's day; a report's names its period already. */
export function exportFileName(kind: ExportKind, name: string, day: string, format: ExportFormat) {
  return kind === "queue" ? `投诉列表-${day}.${format}` : `${name}.${format}`;
}
