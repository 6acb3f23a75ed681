import type { Page } from "puppeteer-core";
import { startTestServer, TestServer } from "../harness/test-server";
import { configure, fastJobs, TEST_PLUGIN } from "../jobs/helpers";
import { buildDashboard, launchBrowser, screenshot, signedInPage } from "./browser";

/**
 * The dashboard in headless Chromium against the real server: sign-in, connectors, running a job from the page
 * and watching it live over graphql-ws, and what a VIEWER may not do.
 */
jest.setTimeout(120_000);

describe("dashboard in a real browser", () => {
  let s: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let editorToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    buildDashboard();
    browser = await launchBrowser();
    s = await startTestServer({ plugins: [TEST_PLUGIN, "./test/fixtures/load-plugin"], jobs: fastJobs() });
    await configure(s.admin, { records: 60, delayMs: 40 });
    await s.admin.ok(`mutation { enableConnector(name: "loadconn") { enabled } }`);
    await s.admin.ok(`mutation { updateConnectorSettings(connector: "loadconn", values: [{ key: "waitMs", value: 4000 }]) { name } }`);
    editorToken = (await s.clientFor("EDITOR")).token!;
    viewerToken = (await s.clientFor("VIEWER")).token!;
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** Records every distinct aria-valuenow of the job page's progress bar, as the page shows them. */
  const recordProgress = (page: Page) =>
    page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      const note = () => {
        const bar = document.querySelector(".job-detail [role=progressbar]");
        const v = bar?.getAttribute("aria-valuenow");
        if (v != null && seen[seen.length - 1] !== Number(v)) seen.push(Number(v));
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
    });

  it("an EDITOR runs an operation from the Connectors view and watches its progress bar move until SUCCEEDED", async () => {
    const page = await signedInPage(browser.browser, s.url, editorToken);
    expect(await page.evaluate(() => location.href)).not.toContain(editorToken);
    expect(await page.evaluate(() => sessionStorage.getItem("selvedge.token"))).toBe(editorToken);
    await page.click('a[href="#/connectors"]');
    await page.waitForSelector('[data-connector=testconn] button[data-run="testconn/import-records"]');
    await screenshot(page, "connectors");
    await recordProgress(page);
    await page.click('button[data-run="testconn/import-records"]');
    await page.waitForSelector('.job-detail[data-state="SUCCEEDED"]', { timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    const between = seen.filter((v) => v > 0 && v < 100);
    expect(between.length).toBeGreaterThanOrEqual(2); // it moved, in steps, while running
    expect(seen[seen.length - 1]).toBe(100);
    expect(await page.$eval(".job-detail .facts .processed", (e) => e.textContent)).toBe("60");
    await page.waitForFunction(() => document.querySelectorAll(".log li").length > 0);
    await screenshot(page, "job");
    const jobs = await s.admin.ok(`{ jobs(first: 5) { edges { node { operation state processed } } } }`);
    expect(jobs.jobs.edges.map((e: { node: unknown }) => e.node)).toEqual([{ operation: "import-records", state: "SUCCEEDED", processed: 60 }]);
    await page.close();
  });

  it("a job paused by its platform shows why and until when, and the notice goes once it goes on", async () => {
    const page = await signedInPage(browser.browser, s.url, editorToken);
    await page.waitForSelector(".jobs");
    const r = await s.admin.ok(`mutation { startSync(input: { connector: "loadconn", operation: "throttled" }) { ... on Job { id } } }`);
    const row = `.jobs .job[data-job-id="${r.startSync.id}"]`;
    await page.waitForSelector(`${row} .waiting`, { timeout: 30_000 });
    expect(await page.$eval(`${row} .waiting`, (e) => e.textContent)).toMatch(/^Throttledwaiting for API credits until \d{1,2}:\d{2}:\d{2}/);
    await screenshot(page, "throttled");
    await page.waitForSelector(`${row}[data-state="SUCCEEDED"]`, { timeout: 60_000 });
    expect(await page.$(`${row} .waiting`)).toBeNull();
    await page.close();
  });

  it("a VIEWER sees connectors and jobs but no Run, Cancel or Retry button", async () => {
    const page = await signedInPage(browser.browser, s.url, viewerToken);
    await page.waitForSelector(".jobs .job");
    await page.click('a[href="#/connectors"]');
    await page.waitForSelector("[data-connector=testconn] [data-operation=import-records]");
    expect(await page.$$("button[data-run]")).toHaveLength(0);
    expect(await page.$$(".schedule-form")).toHaveLength(0);
    await page.click('a[href="#/jobs"]');
    await page.waitForSelector(".jobs .job");
    expect(await page.$$(".jobs .actions button")).toHaveLength(0);
    await page.close();
  });
});
