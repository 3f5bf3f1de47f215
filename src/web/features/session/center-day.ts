// The center's calendar, not the browser's: a supervisor whose laptop keeps another zone still
// gets "this month" as the center counts it, since the reports take the center's days.
let centerTimeZone: string | undefined;

/** Set from the session's answer (KESU_TIMEZONE on the server). */
export function setCenterTimeZone(timeZone: string) {
  centerTimeZone = timeZone;
}

/** The center's date at `now`, YYYY-MM-DD; the browser's own until a session has answered. */
export function centerToday(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: centerTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
