import type pg from "pg";

/** What the simulated agents ask for, drawn from the generated data itself. */
export interface Samples {
  complaintIds: string[];
  phones: string[];
  ownerIds: string[];
  departmentIds: string[];
  categories: string[];
  terms: SearchTerm[];
}

export interface SearchTerm {
  term: string;
  length: number;
  kind: "common" | "rare";
  matches: number;
}

// md5 of the id orders rows the same way in every run without favouring recent or old ones.
const spread = "order by md5(id::text)";

export async function drawSamples(pool: pg.Pool): Promise<Samples> {
  const column = async (sql: string) =>
    (await pool.query<{ v: string }>(sql)).rows.map((row) => row.v);
  return {
    complaintIds: await column(`select id as v from complaints ${spread} limit 1000`),
    phones: await column(
      `select phone as v from customers where phone is not null ${spread} limit 1000`,
    ),
    ownerIds: await column(
      "select owner_id::text as v from complaints where owner_id is not null group by owner_id order by count(*) desc limit 60",
    ),
    departmentIds: await column("select id as v from departments where code like 'bench-%'"),
    categories: await column(
      "select category as v from complaints where category is not null group by category order by count(*) desc limit 10",
    ),
    terms: await pickSearchTerms(pool),
  };
}

/**
 * For 2, 3 and 4 characters: Chinese substrings of sampled names, subjects and descriptions, counted with
 * the same indexed conditions the API uses (a case's own text, or its replies and contacts); the most frequent is the common term, the least frequent
 * (at least one match) the rare one.
 */
async function pickSearchTerms(pool: pg.Pool): Promise<SearchTerm[]> {
  const { rows } = await pool.query<{ text: string }>(
    `select cu.name || '，' || c.subject || '，' || c.description as text
       from complaints c join customers cu on cu.id = c.customer_id order by md5(c.id::text) limit 12`,
  );
  const chosen: SearchTerm[] = [];
  for (const length of [2, 3, 4]) {
    const candidates = new Set<string>();
    for (const { text } of rows) {
      // The customer's name comes first, so rare terms (names) compete with common phrases.
      const runs = text.match(new RegExp(`[\\u4e00-\\u9fff]{${length},}`, "g")) ?? [];
      for (const run of runs.slice(0, 4)) candidates.add(run.slice(0, length));
    }
    const counted: SearchTerm[] = [];
    for (const term of candidates) {
      const matches = await countMatches(pool, term);
      counted.push({ term, length, kind: "common", matches });
    }
    counted.sort((a, b) => b.matches - a.matches);
    const common = counted[0];
    const rare = counted.filter((t) => t.matches > 0).at(-1);
    if (common) chosen.push(common);
    if (rare && rare !== common) chosen.push({ ...rare, kind: "rare" });
  }
  return chosen;
}

async function countMatches(pool: pg.Pool, term: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from (
       select id from complaints where search_grams @> kesu_query_grams($1) and lower(search_text) like $2
       union
       select complaint_id from case_texts where search_grams @> kesu_query_grams($1) and lower(text) like $2) matching`,
    [term, likePattern(term)],
  );
  return rows[0]!.n;
}

export const likePattern = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
