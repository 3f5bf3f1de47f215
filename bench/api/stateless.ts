import { randomUUID } from "node:crypto";
import type { Agent } from "./sessions.js";

export interface StatelessCheck {
  check: string;
  passed: boolean;
  detail: string;
}

/**
 * (9) A round-robin client over two kesu servers on one PostgreSQL: state made through one server
 * must hold on the other — the session, the idempotency key, the login-failure count.
 */
export async function checkStateless(
  [first, second]: [string, string],
  agent: Agent,
): Promise<StatelessCheck[]> {
  const checks: StatelessCheck[] = [];

  const onSecond = await fetch(`${second}/api/v1/session`, { headers: { cookie: agent.cookie } });
  checks.push({
    check: "a session signed in on server 1 is known to server 2",
    passed: onSecond.status === 200,
    detail: `GET /session on server 2: ${onSecond.status}`,
  });

  const key = randomUUID();
  const body = JSON.stringify({
    kind: "inquiry",
    channel: "phone",
    customer: { name: "幂等测试", phone: "13900001111" },
    subject: "查询信用卡账单日",
    description: "客户来电询问账单日，重试请求应得到同一答复。",
  });
  const create = (url: string) =>
    fetch(`${url}/api/v1/complaints`, {
      method: "POST",
      headers: { cookie: agent.cookie, "content-type": "application/json", "idempotency-key": key },
      body,
    }).then(async (r) => ({ status: r.status, id: ((await r.json()) as { id?: string }).id }));
  const original = await create(first);
  const retry = await create(second);
  checks.push({
    check: "a retry with the same Idempotency-Key on server 2 returns server 1's complaint",
    passed: original.status === 201 && retry.status === 201 && original.id === retry.id,
    detail: `server 1: ${original.status} ${original.id}; server 2: ${retry.status} ${retry.id}`,
  });

  // Five failures spread over both servers lock the username (KESU_LOGIN_ATTEMPTS defaults to 5).
  const username = `bench-nobody-${key.slice(0, 8)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await fetch(`${i % 2 ? second : first}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: "wrong-password" }),
    });
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  checks.push({
    check: "login failures alternating between the servers lock the username after 5",
    passed: statuses.slice(0, 5).every((s) => s === 401) && statuses[5] === 429,
    detail: `statuses in turn: ${statuses.join(", ")}`,
  });
  return checks;
}
