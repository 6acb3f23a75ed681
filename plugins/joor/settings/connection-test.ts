import { type BrandScope, Customer, type HostServices, SeasonPrice } from "../../../src/plugin";
import { JoorHttp } from "../client/http";
import { JoorAuthError } from "../client/errors";
import { ReferenceApi } from "../client/reference";
import { creditBudgetFor } from "../runtime";
import { connectionFrom } from "./connection";
import type { JoorSettingsValues } from "./declaration";
import { JoorConnectionCheck, JoorConnectionTest } from "./settings.types";

const check = (name: string, ok: boolean, message: string): JoorConnectionCheck => Object.assign(new JoorConnectionCheck(), { name, ok, message });

/**
 * testJoorConnection: are the settings complete; does JOOR give a token for the v4 credentials; does it accept
 * the v2 API token; does every mapped price type exist on JOOR (with that currency); is a price type mapped
 * for every currency the brand uses (customers' and prices'); do the warehouses exist. Answers in words.
 */
export async function testJoorConnection(data: BrandScope, host: HostServices): Promise<JoorConnectionTest> {
  const settings = await host.settings.check(data);
  const checks: JoorConnectionCheck[] = [];
  const done = () => {
    const ok = checks.every((c) => c.ok);
    const bad = checks.filter((c) => !c.ok).map((c) => c.message);
    return Object.assign(new JoorConnectionTest(), { ok, checks, message: ok ? "JOOR answered and everything matches" : bad.join(" ") });
  };
  if (!settings.complete) {
    checks.push(check("settings", false, `Fill in the JOOR settings first: ${settings.missing.join(", ")}.`));
    return done();
  }
  const s = settings.values as unknown as JoorSettingsValues;
  const http = new JoorHttp({ connection: connectionFrom(s), budget: creditBudgetFor(host), retry: { attempts: 2, startingDelayMs: 200 } });
  const ref = new ReferenceApi(http);

  try {
    await http.tokens.get();
    checks.push(check("credentials", true, "JOOR accepted the v4 credentials and gave an access token."));
  } catch (error) {
    checks.push(
      check(
        "credentials",
        false,
        error instanceof JoorAuthError ? `${error.message}.` : `JOOR's token endpoint could not be reached: ${(error as Error).message}.`,
      ),
    );
    return done();
  }

  try {
    await http.v2("GET", "/connection", { count: 1, start_from: 0 });
    checks.push(check("v2Token", true, "JOOR accepted the v2 API token."));
  } catch (error) {
    checks.push(
      check(
        "v2Token",
        false,
        error instanceof JoorAuthError
          ? "JOOR refused the v2 API token: check it in the JOOR settings."
          : `The v2 API did not answer: ${(error as Error).message}.`,
      ),
    );
  }

  try {
    const types = await ref.priceTypes();
    const list = types.map((t) => `${t.name} (${t.currency_code})`).join(", ") || "none";
    const wrong: string[] = [];
    for (const m of s.priceTypes) {
      const t = types.find((x) => x.name === m.priceType);
      if (!t) wrong.push(`JOOR has no price type "${m.priceType}" (mapped for ${m.currency}); JOOR has: ${list}.`);
      else if (t.currency_code !== m.currency) wrong.push(`JOOR's price type "${m.priceType}" is in ${t.currency_code}, but it is mapped for ${m.currency}.`);
    }
    checks.push(check("priceTypes", wrong.length === 0, wrong.length ? wrong.join(" ") : `Every mapped price type exists on JOOR (${list}).`));
  } catch (error) {
    checks.push(check("priceTypes", false, `JOOR's price types could not be read: ${(error as Error).message}.`));
  }

  const used = await currenciesInUse(data);
  const unmapped = used.filter((c) => !s.priceTypes.some((m) => m.currency === c));
  checks.push(
    check(
      "currencies",
      unmapped.length === 0,
      unmapped.length
        ? `Your customers or prices use ${unmapped.join(", ")}, but no JOOR price type is mapped for ${unmapped.length > 1 ? "them" : "it"}: add it to the price types.`
        : used.length
          ? `A JOOR price type is mapped for every currency in use (${used.join(", ")}).`
          : "No currency is in use yet.",
    ),
  );

  for (const [label, name] of [
    ["immediate", s.immediateWarehouse],
    ["future", s.futureWarehouse],
  ] as const) {
    if (!name) continue;
    const known = await warehouseExists(http, name);
    if (known === null) checks.push(check("warehouses", false, `Could not check the ${label} warehouse "${name}" on JOOR.`));
    else
      checks.push(
        check(
          "warehouses",
          known,
          known
            ? `JOOR has the ${label} warehouse "${name}".`
            : `JOOR has no warehouse "${name}" (the ${label} warehouse): create it in JOOR's Order Settings or correct the name.`,
        ),
      );
  }
  return done();
}

async function currenciesInUse(data: BrandScope): Promise<string[]> {
  const a = await data
    .repo(Customer)
    .queryBuilder("c")
    .select("DISTINCT c.currency", "currency")
    .andWhere("c.status = 'ACTIVE' AND c.currency IS NOT NULL")
    .getRawMany<{ currency: string }>();
  const b = await data.repo(SeasonPrice).queryBuilder("p").select("DISTINCT p.currency", "currency").getRawMany<{ currency: string }>();
  return [...new Set([...a, ...b].map((r) => r.currency))].sort();
}

/**
 * JOOR documents no warehouse list: the check sends one v2 bulk-inventory item for a UPC no product has
 * (it changes nothing) and reads whether JOOR refused the warehouse or only the unknown UPC. 5 credits.
 */
async function warehouseExists(http: JoorHttp, name: string): Promise<boolean | null> {
  try {
    const answer = await http.v2<{ inventory_log?: { status?: string; message?: string }[] }>(
      "POST",
      "/bulk-inventory",
      {},
      {
        inventory_items: { inventory_item: [{ warehouse: name, upc: "00000000000000", inventory: 0 }] },
      },
    );
    const message = String(answer.inventory_log?.[0]?.message ?? "");
    return !/warehouse/i.test(message);
  } catch (error) {
    const msg = (error as Error).message ?? "";
    if (/warehouse/i.test(msg)) return false;
    return null;
  }
}
