/**
 * Where commands and jobs read the time. One reading per command, so every row a command writes
 * carries the same instant; a test or a backfill hands in a clock of its own.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
