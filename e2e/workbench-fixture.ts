// What each browser test file needs: a real kesu on its own embedded database, Chromium, a signed-in
// page per person, and the few gestures the tests repeat.

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { ApiClient } from "../src/test/api-client.js";
import { makeStaff, PASSWORD, type Staff, signedInAdmin } from "../src/test/factories.js";
import { startTestServer, type TestServer } from "../src/test/test-server.js";
import {
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  requireChromium,
  screenshot,
  skipBrowserTests,
} from "./browser.js";

export interface Workbench {
  server: TestServer;
  /** The web app's origin, e.g. http://127.0.0.1:41234 */
  base: string;
  admin: ApiClient;
  browser: Browser;
  /**
   * A fresh browser context (its own cookies) signed in as `username`, opened at `path`. The
   * session comes from the API (the login screen has its own test), so a test starts on the
   * page it is about. `localStorage` is what the browser already holds for kesu when the page
   * first loads, as an earlier visit would have left it. `password`: the person's, when not the
   * factories' (the demo's people have their own).
   */
  signIn(
    username: string,
    path: string,
    options?: { localStorage?: Record<string, string>; password?: string },
  ): Promise<Page>;
  /** A fresh browser context with no session, opened at `path`: the login screen's own tests. */
  signedOut(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Says so once per file when the browser tests cannot run here (never under CI=true: they fail). */
/**
 * The people most browser tests need, on a workbench started before the file's tests and closed
 * after them: the agent 王芳 (1023) and the supervisor 赵敏 (3001).
 */
export function agentAndSupervisor() {
  const team = {} as { wb: Workbench; agent: Staff; supervisor: Staff };
  beforeAll(async () => {
    team.wb = await startWorkbench();
    team.agent = await makeStaff(team.wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    team.supervisor = await makeStaff(team.wb.admin, "supervisor", {
      displayName: "赵敏",
      agentNo: "3001",
    });
  }, 180_000);
  afterAll(() => team.wb?.close());
  return team;
}

export function warnWhenSkipped(what: string) {
  if (skipBrowserTests)
    console.warn(
      `\n  ⚠ ${what} browser tests SKIPPED: no Chromium at ${chromiumPath} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)\n`,
    );
}

export async function startWorkbench(env: Record<string, string> = {}): Promise<Workbench> {
  requireChromium();
  ensureWebBuild();
  const server = await startTestServer(env);
  const base = server.api.replace(/\/api\/v1$/, "");
  const admin = await signedInAdmin(server);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  async function newContext(localStorage: Record<string, string> = {}) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
      storageState: {
        cookies: [],
        origins: [
          {
            origin: base,
            localStorage: Object.entries(localStorage).map(([name, value]) => ({ name, value })),
          },
        ],
      },
    });
    contexts.push(context);
    return context;
  }
  return {
    server,
    base,
    admin,
    browser,
    async signIn(username, path, { localStorage, password = PASSWORD } = {}) {
      const client = new ApiClient(server.api);
      const res = await client.post("/session", { username, password });
      if (res.status !== 200 || !client.cookie)
        throw new Error(`sign-in: ${JSON.stringify(res.body)}`);
      const [name = "", value = ""] = client.cookie.split("=", 2);
      const context = await newContext(localStorage);
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.getByTestId("current-user").waitFor();
      return page;
    },
    async signedOut(path) {
      const page = await (await newContext()).newPage();
      await page.goto(`${base}${path}`);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
    },
  };
}

/** Signs in on the login screen `page` shows, as a person would, in the language it is shown in. */
export async function signInOnLoginScreen(
  page: Page,
  username: string,
  language: "zh-CN" | "en" = "zh-CN",
) {
  const en = language === "en";
  await page.getByLabel(en ? "Username" : "用户名").fill(username);
  await page.getByLabel(en ? "Password" : "密码").fill(PASSWORD);
  await page.getByRole("button", { name: en ? "Sign in" : "登录" }).click();
  await page.getByTestId("current-user").waitFor();
}

export const dialog = (page: Page) => page.getByRole("dialog");

/** Opens one of the complaint page's action dialogs by its button. */
export async function act(page: Page, action: string) {
  await page.getByTestId("actions").getByRole("button", { name: action, exact: true }).click();
  await dialog(page).waitFor();
}

/** Picks a radio choice in the open dialog; a click lost while the dialog still settles is repeated. */
export async function pickRadio(page: Page, name: string) {
  const radio = dialog(page).getByRole("radio", { name, exact: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await radio.click();
    if (await radio.isChecked()) return;
  }
  throw new Error(`radio ${name} would not stay chosen`);
}

/**
 * Picks an option of a dialog's select and checks it took: on a loaded machine a click can land
 * on a dropdown that is still opening or closing, so each attempt starts from a closed dropdown.
 */
export async function choose(page: Page, label: string, option: string) {
  const input = dialog(page).getByLabel(label);
  const id = await input.getAttribute("id");
  // The dropdown that belongs to this select (antd links it by the `<id>_list` listbox).
  const item = page
    .locator(".ant-select-dropdown", { has: page.locator(`[id="${id}_list"]`) })
    .locator(".ant-select-item-option", { hasText: option })
    .first();
  // Dropdowns render in a portal, so the option's text inside the form item is the selection.
  const chosen = dialog(page)
    .locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) })
    .filter({ hasText: option });
  for (let attempt = 1; attempt <= 3; attempt++) {
    // Clicking the dialog title closes any open dropdown (a multiple select stays open).
    await dialog(page).locator(".ant-modal-title").click();
    await page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden" });
    if ((await chosen.count()) > 0) return;
    await input.click();
    const shown = await item.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) await item.click({ timeout: 5_000 }).catch(() => undefined);
  }
  await dialog(page).locator(".ant-modal-title").click();
  await chosen.first().waitFor({ timeout: 5_000 });
}

/** Whether the click sent a change to the API within a few seconds. */
async function clickSends(page: Page, click: () => Promise<void>) {
  const sent = page
    .waitForRequest((r) => r.method() !== "GET" && r.url().includes("/api/v1/"), { timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
  await click();
  return sent;
}

export async function submitDialog(page: Page) {
  // A click while antd's modal still zooms in was lost once on a loaded machine: the dialog stayed
  // open with nothing sent. Its animation classes are gone once it has settled.
  await page.locator('[role="dialog"][class*="ant-zoom"]').waitFor({ state: "detached" });
  const submit = dialog(page).getByRole("button", { name: "提交" });
  // Once more it was lost after the animation, on a machine at load 10: a click that sent nothing
  // is given once more; a form that refuses to send still fails below.
  if (!(await clickSends(page, () => submit.click()))) await clickSends(page, () => submit.click());
  await dialog(page)
    .waitFor({ state: "hidden", timeout: 20_000 })
    .catch(async (error) => {
      await screenshot(page, "failed-dialog");
      throw new Error(`dialog stayed open: ${await dialog(page).textContent()}`, { cause: error });
    });
}

/**
 * Inserts a 话术 into the reply from the 插入话术 menu and waits until the reply holds `expected`.
 * A click on the menu was lost twice on a loaded machine (the reply stayed empty): the menu is
 * opened (when it is not open already) and the item clicked once more before the test gives up.
 */
export async function insertTalkTrack(page: Page, item: string, expected: string) {
  const reply = dialog(page).getByLabel("答复内容");
  for (let attempt = 1; ; attempt++) {
    const menu = page.locator(".ant-dropdown:visible").first();
    if (!(await menu.isVisible()))
      await dialog(page).getByRole("button", { name: "插入话术" }).click();
    await menu.getByRole("menuitem").filter({ hasText: item }).click();
    const inserted = await expect
      .poll(() => reply.inputValue(), { timeout: 5_000 })
      .toContain(expected)
      .then(
        () => true,
        () => false,
      );
    if (inserted || attempt === 2) break;
  }
  await expect.poll(() => reply.inputValue()).toContain(expected);
}

export async function expectStatus(page: Page, status: string) {
  await page.getByTestId("complaint-status").getByText(status, { exact: true }).waitFor();
}
