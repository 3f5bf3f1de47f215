// autocannon ships no types, and the benchmark may add only autocannon itself: this declares the
// part of its programmatic API the harness uses (see node_modules/autocannon/README.md).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface RequestParams {
    method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  /** One step of a connection's request cycle; the context starts fresh at each cycle. */
  export interface Request extends RequestParams {
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }

  export interface Options {
    /** Several URLs spread the connections over them in turn. */
    url: string | string[];
    connections?: number;
    /** Requests per second each connection sends at most: think time for simulated people. */
    connectionRate?: number;
    /** Seconds. */
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: RequestParams["method"];
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  }

  export interface Result {
    requests: { average: number; total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    /** Emitted for every answer; responseTime in milliseconds. */
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): this;
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
