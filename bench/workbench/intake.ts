// History after the last digit: on a warm intake page, a returning customer's phone typed digit by
// digit as a person types it, timed in the page from the last digit's keydown to that customer's
// history (their newest case's number) being on screen.

import type pg from "pg";
import type { Browser } from "playwright-core";
import { newContext, type Target } from "./measure.js";

const BOX = "电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱";

/** A returning customer: their mobile and the number of their newest case. */
export interface Caller {
  phone: string;
  newest: string;
}

/** `count` different customers with a mobile and at least two cases, spread over the data. */
export async function returningCallers(pool: pg.Pool, count: number): Promise<Caller[]> {
  const { rows } = await pool.query<Caller>(
    `select cu.phone, (array_agg(c.number order by c.created_at desc))[1] as newest
       from customers cu join complaints c on c.customer_id = cu.id
      where cu.phone ~ '^1[3-9][0-9]{9}$'
      group by cu.id having count(*) >= 2
      order by md5(cu.id::text) limit $1`,
    [count],
  );
  return rows;
}

/**
 * Arms the page for one run: the last keydown's time (the event's own timestamp) and the first
 * moment the history panel shows the case numbered `newest`.
 */
const arm = (newest: string) => `(() => {
  window.__lastKeyMs = undefined;
  window.__historyMs = undefined;
  const shown = () =>
    document.querySelector('[data-testid="customer-history"]')?.textContent?.includes(${JSON.stringify(newest)});
  document.addEventListener("keydown", (event) => { window.__lastKeyMs = event.timeStamp; }, true);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    window.__historyMs = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * One warm intake page (a first caller looked up and not counted), then each caller's phone typed
 * into the box with `keyDelayMs` between keys; the box is cleared and focused again between runs.
 */
export async function historyAfterLastDigit(
  browser: Browser,
  target: Target,
  callers: Caller[],
  { keyDelayMs = 120 } = {},
) {
  const context = await newContext(browser, target);
  const page = await context.newPage();
  await page.goto(`${target.url}/intake`);
  const box = page.getByLabel(BOX);
  const times: number[] = [];
  const [warmUp, ...measured] = callers;
  for (const caller of [warmUp!, ...measured]) {
    await box.fill("");
    await page.getByTestId("customer-history").waitFor({ state: "detached" });
    await box.focus();
    await page.evaluate(arm(caller.newest));
    await page.keyboard.type(caller.phone, { delay: keyDelayMs });
    await page.waitForFunction("window.__historyMs !== undefined", undefined, { timeout: 30_000 });
    const ms = Number(await page.evaluate("window.__historyMs - window.__lastKeyMs"));
    if (caller !== warmUp) times.push(ms);
  }
  await context.close();
  return times;
}
