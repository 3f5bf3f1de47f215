import Fastify from "fastify";
import pg from "pg";

/**
 * The intake baseline: the least a route can do to store a complaint — parse JSON, insert one row
 * into a scratch table of the same database, answer 201. kesu's intake rate is reported as a share
 * of this one's, measured in the same run, so the ratio shows kesu's own overhead (validation,
 * customer lookup, timeline, search text) rather than this machine's speed.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("bare-insert-server: DATABASE_URL is required");
// The same pool size as kesu's (src/db/client.ts), so both compete for the same connections.
const pool = new pg.Pool({ connectionString: url, max: 10, application_name: "kesu-bench-bare" });
await pool.query(
  "create table if not exists bench_bare_inserts (id bigserial primary key, body jsonb not null, created_at timestamptz not null default now())",
);

const app = Fastify({ logger: false });
app.get("/ready", async () => {
  await pool.query("select 1");
  return { ok: true };
});
app.post("/bare", async (request, reply) => {
  const { rows } = await pool.query<{ id: string }>(
    "insert into bench_bare_inserts (body) values ($1) returning id",
    [JSON.stringify(request.body)],
  );
  return reply.code(201).send({ id: rows[0]!.id });
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
