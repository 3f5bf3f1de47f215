import type {
  CommandBody,
  CommandName,
  Complaint,
  ComplaintListItem,
  CreateComplaintInput,
  Page,
} from "./wire.js";

/**
 * What the raw calls answer when no type is given: the body is the server's answer or its
 * problem+json, depending on the status, so it stays untyped. The typed helpers below check the
 * status and answer the route's wire type.
 */
export type Untyped = any;

export interface ApiResponse<T = Untyped> {
  status: number;
  body: T;
  headers: Headers;
}

/** A person (session cookie) or an integration (bearer token) talking to kesu over real HTTP. */
export class ApiClient {
  cookie: string | null = null;
  bearer: string | null = null;
  language = "zh-CN";

  constructor(readonly base: string) {}

  get<T = Untyped>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = Untyped>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>("POST", path, body, headers);
  }
  put<T = Untyped>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body);
  }
  patch<T = Untyped>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = Untyped>(path: string) {
    return this.request<T>("DELETE", path);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { "accept-language": this.language, ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: NonNullable<Parameters<typeof fetch>[1]>["body"];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] ??= "application/json";
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie?.startsWith("kesu_session=")) this.cookie = setCookie.split(";")[0]!;
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return {
      status: response.status,
      headers: response.headers,
      body: (type.includes("json") && text ? JSON.parse(text) : text) as T,
    };
  }

  /** A call that must succeed (2xx): its body as `T`, or an error naming the status and body. */
  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status < 200 || res.status > 299)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The complaint page's read model (GET /complaints/:id). */
  complaint(id: string) {
    return this.ok<Complaint>("GET", `/complaints/${id}`);
  }
  createComplaint(input: CreateComplaintInput) {
    return this.ok<Complaint>("POST", "/complaints", input);
  }
  /** GET /complaints with a query string such as `?q=王&limit=200`. */
  listComplaints(query = "") {
    return this.ok<Page<ComplaintListItem>>("GET", `/complaints${query}`);
  }
  /** A complaint command (POST /complaints/:id/<name>) that must succeed: the complaint after it. */
  command<C extends CommandName>(id: string, name: C, body: CommandBody<C>) {
    return this.ok<Complaint>("POST", `/complaints/${id}/${name}`, body);
  }
}
