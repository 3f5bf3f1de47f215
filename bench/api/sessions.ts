import { BENCH_PASSWORD } from "../data/generate-data.js";

export interface Agent {
  id: string;
  username: string;
  /** `kesu_session=…`, ready for a Cookie header. */
  cookie: string;
}

/** Signs in over HTTP like the workbench does; the session row lives in PostgreSQL. */
export async function signIn(baseUrl: string, username: string): Promise<Agent> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { user?: { id: string } };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("kesu_session="));
  if (response.status !== 200 || !cookie || !body.user)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  return { id: body.user.id, username, cookie: cookie.split(";")[0]! };
}

/** Signs in many at a few at a time: each login is an Argon2 verification, CPU-bound by design. */
export async function signInAll(baseUrl: string, usernames: string[]): Promise<Agent[]> {
  const agents: Agent[] = [];
  for (let i = 0; i < usernames.length; i += 4)
    agents.push(
      ...(await Promise.all(usernames.slice(i, i + 4).map((name) => signIn(baseUrl, name)))),
    );
  return agents;
}
