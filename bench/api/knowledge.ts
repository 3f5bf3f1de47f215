import type pg from "pg";
import { caseVars, themes } from "../../src/demo/demo-themes.js";
import { fill, seededRandom } from "../../src/demo/seeded-random.js";
import { articleKinds } from "../../src/domain/knowledge/knowledge.js";
import type { LoadResult } from "./load.js";
import { likePattern } from "./samples.js";
import { type Bench, latency } from "./scenarios.js";

/** How many articles the knowledge search is measured over: a large centre's whole 知识库 and more. */
export const BENCH_ARTICLES = 5_000;

/**
 * (13) The terms searched: a two- and a three-character word a tenth of the articles hold, and a
 * rare three-character one, all from the demo's wording the articles are made of.
 */
export const knowledgeTerms = ["网点", "信用卡", "制氧机"] as const;

/**
 * Fills the bench database's knowledge base to `count` articles (kept with the data folder, so
 * later runs add nothing), written like a centre's own: each a case's situation, its finding and
 * a reply, titled by its subject, with the theme's category; each with its first version row.
 */
export async function seedKnowledge(pool: pg.Pool, count = BENCH_ARTICLES) {
  const { rows } = await pool.query<{ n: string }>("select count(*) as n from knowledge_articles");
  const have = Number(rows[0]!.n);
  if (have >= count) return;
  const random = seededRandom(13 + have);
  const author = (
    await pool.query<{ id: string }>("select id from users order by created_at limit 1")
  ).rows[0]!.id;
  for (let start = have; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const theme = random.pick(themes);
      const story = random.pick(theme.cases);
      const vars = caseVars(random);
      return {
        kind: random.pick(articleKinds),
        title: `${fill(story.subject, vars)} 处理口径 ${start + i + 1}`,
        body: `${fill(story.situation, vars)}\n${fill(story.result, vars)}\n${random.pick(theme.replies)}`,
        category: theme.category,
        tags: `{${theme.key}}`,
      };
    });
    await pool.query(
      `insert into knowledge_articles (kind, title, body, category, tags, created_by_id, updated_by_id)
       select kind, title, body, category, tags::text[], $6, $6
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as a(kind, title, body, category, tags)`,
      [
        batch.map((a) => a.kind),
        batch.map((a) => a.title),
        batch.map((a) => a.body),
        batch.map((a) => a.category),
        batch.map((a) => a.tags),
        author,
      ],
    );
  }
  await pool.query(
    `insert into knowledge_article_versions (article_id, version, kind, title, body, category, tags,
       effective_from, effective_to, must_read, changed, changed_by_id, changed_at)
     select id, version, kind, title, body, category, tags, effective_from, effective_to, must_read,
       '["kind","title","body","category","tags"]', updated_by_id, updated_at
     from knowledge_articles a
     where not exists (select 1 from knowledge_article_versions v where v.article_id = a.id)`,
  );
  await pool.query("analyze knowledge_articles");
}

/** (13) Newest 20 articles holding the term, one caller at a time. */
export function knowledgeSearch(bench: Bench, term: string): Promise<LoadResult> {
  return latency(bench, () => `/api/v1/knowledge?q=${encodeURIComponent(term)}&limit=20`);
}

/**
 * (13) The API's answer must be the plain substring scan's, in the same order: exact, no near
 * misses. Returns how many articles hold the term, and whether the two agree.
 */
export async function knowledgeEqualsScan(bench: Bench, term: string) {
  const response = await fetch(
    `${bench.url}/api/v1/knowledge?q=${encodeURIComponent(term)}&limit=20`,
    { headers: { cookie: bench.agent.cookie } },
  );
  const body = (await response.json()) as { items: { id: string }[] };
  const text = "lower(kesu_article_text(title, tags, body))";
  const { rows } = await bench.pool.query<{ id: string; n: string }>(
    `select id, count(*) over () as n from knowledge_articles where ${text} like $1
     order by updated_at desc, id limit 20`,
    [likePattern(term)],
  );
  const equal =
    body.items.length === rows.length && body.items.every((item, i) => item.id === rows[i]!.id);
  return { term, matches: Number(rows[0]?.n ?? 0), equal };
}
