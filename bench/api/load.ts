import autocannon, { type Request } from "autocannon";

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and answers outside 2xx. */
  errors: number;
}

export interface LoadOptions {
  urls: string[];
  connections: number;
  seconds: number;
  requests: Request[];
  /** Requests per second per connection; without it each connection sends as fast as answered. */
  connectionRate?: number;
}

/**
 * Drives the server with autocannon and keeps every answer's time, since autocannon's own
 * summary has no p95 (it jumps from p90 to p97.5).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  let failed = 0;
  const instance = autocannon({
    url: options.urls.length === 1 ? options.urls[0]! : options.urls,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: options.requests,
    ...(options.connectionRate ? { connectionRate: options.connectionRate } : {}),
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
    else failed++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length + failed,
    perSecond: round(times.length / options.seconds),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors: failed + result.errors + result.timeouts,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
}

export const round = (n: number) => Math.round(n * 100) / 100;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** A request step that picks its path (and headers, body) afresh each time. */
export function step(
  build: (context: Record<string, unknown>) => {
    method?: "GET" | "POST";
    path: string;
    body?: unknown;
  },
  /** The session cookie; the context lets a cycle keep one agent's cookie for all its steps. */
  cookie: (context: Record<string, unknown>) => string,
): Request {
  return {
    setupRequest: (_request, context) => {
      const { method = "GET", path, body } = build(context);
      return {
        method,
        path,
        headers: {
          cookie: cookie(context),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
    },
  };
}

/**
 * Autocannon stops at its deadline, but the server still works off what the closed connections
 * had queued; the next run waits until a page answers quickly again, or it would pay for this one.
 */
export async function settle(url: string, cookie: string, limitMs = 100) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/complaints?limit=1`, { headers: { cookie } });
    await response.arrayBuffer();
    if (performance.now() - started < limitMs) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
