import { startJoorEnv, type JoorEnv } from "../joor/harness";
import { connection, customer, place, product } from "../joor/orders/world";
import { buildDashboard, launchBrowser, screenshot, signedInPage } from "./browser";

/**
 * The dashboard's JOOR view in headless Chromium against Selvedge and the JOOR sandbox: a held inbound order
 * with its reason and raw payload is retried from the page once its customer exists; the sync ledger and the
 * connection test show what JOOR has and says; a VIEWER sees held orders but cannot retry or dismiss them.
 */
jest.setTimeout(180_000);

describe("dashboard JOOR view in a real browser", () => {
  let env: JoorEnv;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let editorToken: string;
  let viewerToken: string;
  let heldId: string;
  let stranger: string;

  beforeAll(async () => {
    buildDashboard();
    browser = await launchBrowser();
    env = await startJoorEnv();
    const fallback = await env.seed.season("IMPORTED FROM JOOR", "2026-01-01");
    await env.configure({ importOrderSeason: fallback.id, importOrderApproved: true });
    editorToken = (await env.server.clientFor("EDITOR")).token!;
    viewerToken = (await env.server.clientFor("VIEWER")).token!;
    const known = await customer(env);
    const [upc] = await product(env);
    stranger = `NEW${Date.now() % 100000}`;
    connection(env, stranger); // a JOOR customer Selvedge does not know yet
    place(env, { customer_code: known.code, lines: [{ upc, quantity: 2 }] });
    heldId = place(env, { customer_code: stranger, lines: [{ upc, quantity: 3 }] });
    for (let i = 0; i < 26; i++) await env.seed.customer(); // more than one ledger page (25)
    expect((await env.run("export-customers")).state).toBe("SUCCEEDED");
    expect((await env.run("import-orders")).state).toBe("SUCCEEDED");
  });
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it("a held order shows its reason and raw payload, and imports when retried from the page after its customer is created", async () => {
    const page = await signedInPage(browser.browser, env.server.url, editorToken);
    await page.click('a[href="#/joor"]');
    const row = `.inbound[data-joor-order="${heldId}"]`;
    await page.waitForSelector(`${row}[data-state="HELD"]`);
    expect(await page.$eval(`${row} .reasons`, (e) => e.textContent)).toMatch(/UNKNOWN_CUSTOMER/);
    await page.click(`${row} details summary`);
    expect(JSON.parse(await page.$eval(`${row} .payload`, (e) => e.textContent!)).order_id).toBe(Number(heldId));
    await screenshot(page, "joor");

    await env.seed.customer({ accountCode: stranger, name: "New Shop" }); // the data is fixed in Selvedge
    await page.click(`${row} button[data-action=retry]`);
    await page.waitForSelector(`${row}[data-state="IMPORTED"]`, { timeout: 30_000 });
    expect(await page.$eval(row, (e) => e.textContent)).toMatch(/Imported as order/);
    const orders = await env.admin.ok(
      `query($e: String) { orders(first: 5, filter: { source: "JOOR", externalId: $e }) { totalCount edges { node { customer { accountCode } } } } }`,
      { e: heldId },
    );
    expect(orders.orders.totalCount).toBe(1);
    expect(orders.orders.edges[0].node.customer.accountCode).toBe(stranger);
    await page.close();
  });

  it("the sync ledger lists what JOOR has of each customer, and an ADMIN's connection test reads in words", async () => {
    const page = await signedInPage(browser.browser, env.server.url, env.admin.token!);
    await page.click('a[href="#/joor"]');
    await page.waitForSelector(".ledger tbody tr");
    const text = await page.$eval(".ledger tbody", (e) => e.textContent);
    expect(text).toMatch(/accepted/);
    await page.click("button[data-action=test-connection]");
    await page.waitForSelector(".connection-test [data-ok]");
    expect(await page.$eval(".connection-test [data-ok]", (e) => e.getAttribute("data-ok"))).toBe("true");
    await page.close();
  });

  it("the ledger pages with Next and Previous, 25 records a page", async () => {
    const page = await signedInPage(browser.browser, env.server.url, env.admin.token!);
    await page.click('a[href="#/joor"]');
    const keys = () => page.$$eval(".ledger tbody tr", (rows) => rows.map((r) => r.getAttribute("data-ledger-key")));
    await page.waitForSelector(".ledger tbody tr");
    const first = await keys();
    expect(first).toHaveLength(25);
    const [previous, next] = await page.$$(".ledger .pager-nav button");
    expect(await previous.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await next.click();
    await page.waitForFunction((k) => document.querySelector(".ledger tbody tr")?.getAttribute("data-ledger-key") !== k, {}, first[0]);
    const second = await keys();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((k) => first.includes(k))).toEqual([]);
    await previous.click();
    await page.waitForFunction((k) => document.querySelector(".ledger tbody tr")?.getAttribute("data-ledger-key") === k, {}, first[0]);
    expect(await keys()).toEqual(first);
    expect(await previous.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await page.close();
  });

  it("a VIEWER sees inbound orders but no Retry, Dismiss or connection test", async () => {
    const page = await signedInPage(browser.browser, env.server.url, viewerToken);
    await page.click('a[href="#/joor"]');
    await page.waitForSelector(".inbound-orders [role=status]");
    await page.select("#inbound-state", "IMPORTED");
    await page.waitForSelector(`.inbound[data-joor-order="${heldId}"]`);
    expect(await page.$$(".inbound button")).toHaveLength(0);
    expect(await page.$$("button[data-action=test-connection]")).toHaveLength(0);
    await page.close();
  });
});
