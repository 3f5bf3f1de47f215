// Timings taken inside the page, so no figure includes the test driver's polling or round trips:
// a mutation observer notes the moment the screen is there, against the page's own clock
// (performance.now(), whose zero is the navigation start of a full page load).

import type { Page } from "playwright-core";

/**
 * A case page is ready when its header (the number), its actions and its timeline are on screen:
 * what an agent opening a case from a link needs to start talking. `expected`, when given, is the
 * number the header must show (an in-app move replaces one case with another).
 */
export const caseReadyCheck = `(expected) => {
  const number = document.querySelector('[data-testid="complaint-number"]');
  return !!number && !!number.textContent && (!expected || number.textContent === expected)
    && !!document.querySelector('[data-testid="actions"]')
    && !!document.querySelector('[data-testid="timeline-event"]');
}`;

/** The queue is ready when `rows` rows of it are on screen. */
export const queueReadyCheck = (rows: number) =>
  `() => document.querySelectorAll("tr.ant-table-row").length >= ${rows}`;

/**
 * An init script recording, on every full page load, when the case page and the queue were first
 * ready (`window.__caseReadyMs`, `window.__queueReadyMs`), and when the login button was pressed
 * (`window.__loginClickMs`).
 */
export function readinessScript(rows: number) {
  return `(() => {
    const caseReady = ${caseReadyCheck};
    const queueReady = ${queueReadyCheck(rows)};
    const observer = new MutationObserver(() => {
      if (window.__caseReadyMs === undefined && caseReady()) window.__caseReadyMs = performance.now();
      if (window.__queueReadyMs === undefined && queueReady()) window.__queueReadyMs = performance.now();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest('button[type="submit"]'))
        window.__loginClickMs = performance.now();
    }, true);
  })();`;
}

/** Waits for a page-load mark set by `readinessScript` and returns it (ms from navigation start). */
export async function markOf(page: Page, mark: "__caseReadyMs" | "__queueReadyMs") {
  await page.waitForFunction(`window.${mark} !== undefined`, undefined, { timeout: 30_000 });
  return Number(await page.evaluate(`window.${mark}`));
}

/**
 * Runs `start` in the page (a click, a history move) and resolves with the milliseconds until the
 * case numbered `expected` is ready, measured in the page from just before `start`.
 */
export async function timeInPage(page: Page, start: string, expected: string) {
  return page.evaluate(
    `new Promise((resolve, reject) => {
      const ready = ${caseReadyCheck};
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (!ready(${JSON.stringify(expected)})) return;
        observer.disconnect();
        resolve(performance.now() - t0);
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { observer.disconnect(); reject(new Error("case ${expected} not ready in 30 s")); }, 30000);
      (${start})();
    })`,
  ) as Promise<number>;
}

/** An in-app move as the router sees a link's: history.pushState, then the popstate it listens to. */
export const historyMove = (path: string) =>
  `() => { history.pushState({}, "", ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent("popstate", { state: {} })); }`;

/** A click on the link to `path` (a mouse already over it, as the driver left it). */
export const linkClick = (path: string) =>
  `() => document.querySelector('a[href=${JSON.stringify(path)}]').click()`;
