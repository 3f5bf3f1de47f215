import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's chromium (installed by .ci/run); never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(chromiumPath);
/** CI=true (what CI services set, and .ci/run): every browser test must run, none may skip. */
export const browserRequired = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());
/** Without Chromium browser tests skip with a warning, except under CI=true where they fail. */
export const skipBrowserTests = !hasChromium && !browserRequired;

const root = path.resolve(import.meta.dirname, "..");
export const screenshotDir = path.join(root, "test-results", "screenshots");
export const docsScreenshotDir = path.join(root, "docs", "screenshots");

/** The server serves dist/web; build it once when a checkout has not (npm install normally does). */
export function ensureWebBuild() {
  if (fs.existsSync(path.join(root, "dist", "web", "index.html"))) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

/** Refuses at once, naming the fix, when there is no Chromium to drive. */
export function requireChromium() {
  if (!hasChromium)
    throw new Error(
      `no Chromium at ${chromiumPath}; CI=true runs every browser test (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`,
    );
}

export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
