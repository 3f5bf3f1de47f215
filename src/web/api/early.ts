import { storedLanguage } from "../i18n/stored-language";

/**
 * Answers a full page load asks for at once, while React, antd and the route's code are still
 * arriving: the data comes in parallel with the code instead of after it. The API client takes
 * each answer once (`takeEarly`) for the same GET it would have sent.
 */
const early = new Map<string, Promise<Response>>();

/** An early answer is for the page as it first opens; later reads ask the server afresh. */
const FRESH_MS = 10_000;
const started = performance.now();

/**
 * `high` for what the first screen shows, `low` for labels it can show a moment later: the
 * browser opens six connections to the server, and the code must not wait behind the labels.
 */
export function requestEarly(requests: { path: string; priority: "high" | "low" }[]) {
  const headers = { "accept-language": storedLanguage() };
  for (const { path, priority } of requests)
    early.set(path, fetch(`/api/v1${path}`, { headers, credentials: "same-origin", priority }));
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const response = early.get(path);
  early.delete(path);
  return performance.now() - started < FRESH_MS ? response : undefined;
}

/** Once the user moves on or signs in, answers not taken are stale: drop them. */
export function forgetEarly() {
  early.clear();
}
