import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import puppeteer, { Browser, Page } from "puppeteer-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OUTPUT = path.resolve(__dirname, "../../test-output");
export const SCREENSHOTS = path.join(OUTPUT, "screenshots");

/** Builds the dashboard bundle (as npm install does), so the test works right after `npm ci` too. */
export function buildDashboard(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, "../../dashboard/build.mjs")], { stdio: "pipe", timeout: 60_000 });
}

/** Headless Chromium with a fresh profile; fails at once, with the fix, when Chromium is not installed. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "selvedge-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    timeout: 30_000,
    protocolTimeout: 120_000,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new tab signed in with the token (typed into the sign-in form, as a person would). */
export async function signedInPage(browser: Browser, baseUrl: string, token: string, width = 1280): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  // Errors in the page go to the test output (a failing wait then says why).
  page.on("pageerror", (error) => console.error(`dashboard page error: ${String((error as Error).message ?? error)}`));
  await page.setViewport({ width, height: 900 });
  await page.goto(`${baseUrl}/dashboard`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("#token");
  await page.type("#token", token);
  await page.click("button[type=submit]");
  await page.waitForSelector(".shell");
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
