export interface ApiResponse<T = any> {
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

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>("POST", path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }

  async request<T>(
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
}
