import { i18n } from "../i18n/i18n";
import { takeEarly } from "./early";
import type { Problem } from "./types";

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

let sessionLost: () => void = () => {};
/** The session provider sends the user back to the login page when any call answers 401. */
export function onSessionLost(listener: () => void) {
  sessionLost = listener;
}

interface RequestOptions {
  body?: unknown;
  form?: FormData;
  idempotencyKey?: string;
}

/** The one door to the API: language header, JSON, problem+json errors, session expiry. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { "accept-language": i18n.language };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let res: Response;
  try {
    // A read the page load already started is not asked again.
    const early = method === "GET" ? takeEarly(path) : undefined;
    res = await (early ??
      fetch(`/api/v1${path}`, { method, headers, body, credentials: "same-origin" }));
  } catch {
    throw new ApiError({ title: i18n.t("error.network"), status: 0, code: "network" });
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const problem: Problem =
      data && typeof data.code === "string"
        ? data
        : { title: i18n.t("error.unknown"), status: res.status, code: "unknown" };
    // Signing in and the first "who am I" answer 401 as a matter of course, not as an expiry.
    if (res.status === 401 && path !== "/session") sessionLost();
    throw new ApiError(problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    request<T>("POST", path, { body: body ?? {}, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body?: unknown) =>
    request<T>("PUT", path, body === undefined ? {} : { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
  upload: <T>(path: string, form: FormData) => request<T>("POST", path, { form }),
};

/** `body.customer.phone` → ["customer", "phone"], the shape antd's Form wants for field errors. */
export function fieldErrors(error: unknown) {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  return error.problem.errors.map((e) => ({
    name: e.field
      .replace(/^body\.?/, "")
      .split(".")
      .filter(Boolean),
    errors: [e.message],
  }));
}

export function queryString(
  params: Record<string, string | number | boolean | readonly string[] | undefined>,
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const one of [value].flat())
      if (one !== undefined && one !== "") search.append(key, String(one));
  const s = search.toString();
  return s ? `?${s}` : "";
}
