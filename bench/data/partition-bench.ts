import type pg from "pg";

// What monthly partitioning of the timeline would cost the complaint page, measured on synthetic
// copies of timeline_events (the same columns and index) side by side: one plain table as today,
// one partitioned by month on `at`. The page reads a case's events by complaint_id; partitions
// can only be pruned by `at`, so the page either probes every month's index or bounds the read
// by the case's receipt (no event is older than the case).

export interface PartitionFigures {
  complaints: number;
  events: number;
  months: number;
  fillSeconds: { plain: number; partitioned: number };
  /** One case's timeline, p50 and p95 in ms, over `samples` random cases (prepared statements). */
  page: Record<
    "plain" | "partitionedAllMonths" | "partitionedFromReceipt" | "partitionedFromReceiptGeneric",
    { p50: number; p95: number }
  >;
  samples: number;
  /** Each read's plan for one case, as PostgreSQL ran it. */
  plans: Record<string, string>;
}

interface Settings {
  complaints: number;
  eventsPerCase?: number;
  months?: number;
  samples?: number;
}

const columns = `id bigint not null, complaint_id uuid not null, type text not null,
  at timestamptz not null, actor_id uuid, actor_agent_no text, actor_name text,
  customer_visible boolean not null default false, data jsonb not null default '{}'`;

export async function measurePartitions(
  pool: pg.Pool,
  { complaints, eventsPerCase = 10, months = 36, samples = 2000 }: Settings,
): Promise<PartitionFigures> {
  const q = (text: string, values: unknown[] = []) => pool.query(text, values);
  await q("drop schema if exists partition_bench cascade");
  await q("create schema partition_bench");
  try {
    await q(`create table partition_bench.cases as
      select gen_random_uuid() as id,
             now() - make_interval(days => (random() * ${months} * 30)::int) as received_at
        from generate_series(1, ${complaints})`);
    await q(`create table partition_bench.plain (${columns}, primary key (id))`);
    await q(`create table partition_bench.parted (${columns}, primary key (id, at))
      partition by range (at)`);
    for (let m = 0; m <= months + 1; m++)
      await q(`create table partition_bench.parted_${m} partition of partition_bench.parted
        for values from (date_trunc('month', now()) - make_interval(months => ${months - m + 1}))
                     to (date_trunc('month', now()) - make_interval(months => ${months - m}))`);
    await q(`create table partition_bench.parted_future partition of partition_bench.parted
      for values from (date_trunc('month', now()) + interval '1 month') to (maxvalue)`);
    const fill = async (table: string) => {
      const started = performance.now();
      await q(`insert into partition_bench.${table}
        select row_number() over (), c.id, 'note', c.received_at + make_interval(hours => e * 7),
               null, '1023', '王芳', false, jsonb_build_object('text', '客户反映扣费异常，已核实处理')
          from partition_bench.cases c, generate_series(0, ${eventsPerCase - 1}) e`);
      await q(`create index on partition_bench.${table} (complaint_id, id)`);
      await q(`analyze partition_bench.${table}`);
      return (performance.now() - started) / 1000;
    };
    const fillSeconds = { plain: await fill("plain"), partitioned: await fill("parted") };
    const { rows: picks } = await q(
      `select id, received_at from partition_bench.cases order by random() limit ${samples}`,
    );
    const plans: Record<string, string> = {};
    const time = async (name: string, text: string, withReceipt: boolean, generic = false) => {
      const client = await pool.connect();
      try {
        // A bounded read's custom plan prunes at planning time, re-planned on every call.
        if (generic) await client.query("set plan_cache_mode = force_generic_plan");
        const ms: number[] = [];
        for (const pick of picks) {
          const values = withReceipt ? [pick.id, pick.received_at] : [pick.id];
          const started = performance.now();
          await client.query({ name, text, values });
          ms.push(performance.now() - started);
        }
        plans[name] = await planSummary(client, name, picks[0], withReceipt);
        ms.sort((a, b) => a - b);
        const at = (p: number) => Number(ms[Math.floor(p * (ms.length - 1))]!.toFixed(3));
        return { p50: at(0.5), p95: at(0.95) };
      } finally {
        if (generic) await client.query("reset plan_cache_mode");
        client.release();
      }
    };
    const read = (table: string, bound: string) =>
      `select * from partition_bench.${table} where complaint_id = $1 ${bound} order by id`;
    return {
      complaints,
      events: complaints * eventsPerCase,
      months,
      fillSeconds,
      page: {
        plain: await time("plain_read", read("plain", ""), false),
        partitionedAllMonths: await time("all_months", read("parted", ""), false),
        partitionedFromReceipt: await time("from_receipt", read("parted", "and at >= $2"), true),
        partitionedFromReceiptGeneric: await time(
          "from_receipt_generic",
          read("parted", "and at >= $2"),
          true,
          true,
        ),
      },
      samples,
      plans,
    };
  } finally {
    await q("drop schema if exists partition_bench cascade");
  }
}

/** How many tables a read visited, how many partitions it skipped, and its planning time. */
async function planSummary(
  client: pg.PoolClient,
  name: string,
  pick: { id: string; received_at: Date },
  withReceipt: boolean,
) {
  const args = withReceipt ? `'${pick.id}', '${pick.received_at.toISOString()}'` : `'${pick.id}'`;
  const { rows } = await client.query(
    `explain (analyze, costs off, timing off) execute ${name}(${args})`,
  );
  const lines: string[] = rows.map((r) => r["QUERY PLAN"]);
  const visited = lines.filter(
    (l) =>
      /(Heap Scan|Index Scan|Seq Scan|Index Only Scan) .*on /.test(l) &&
      !/Bitmap Index Scan/.test(l),
  ).length;
  const removed =
    lines.find((l) => l.includes("Subplans Removed"))?.trim() ?? "Subplans Removed: 0";
  const planning = lines.find((l) => l.startsWith("Planning Time"))?.trim() ?? "";
  return `${visited} tables read; ${removed}; ${planning}`;
}
