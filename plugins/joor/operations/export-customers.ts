import { In } from "typeorm";
import { Address, Customer } from "../../../src/plugin";
import { joorClientFor } from "../client";
import { JOOR_RECORD_KINDS } from "../ledger/kinds";
import { payloadHash } from "../ledger/hash";
import { JoorLedger, type LedgerWrite } from "../ledger/ledger.service";
import { customerCode, mapCustomer, type AddressRecord } from "../mapping/customer";
import { chunksOf, Sample } from "./chunks";
import type { JoorOperation } from "./types";
import { mayCreateOnJoor, NOT_MATCHED_MESSAGE } from "./part2/create-policy";

const CHUNK = 500;
const KIND = JOOR_RECORD_KINDS.CUSTOMER;

/**
 * export-customers (seed: "Only ACTIVE Customers with an Account Code … go from Zedonk to Joor"; "Only DELIVERY (1)
 * and ACCOUNTS (2) addresses are sent"): customers stream in chunks; each chunk is one JOOR bulk-connection job
 * (upsert by customer code = account code) of the customers whose payload changed since JOOR last accepted it.
 */
export const exportCustomers: JoorOperation = {
  description: "Sends ACTIVE customers with an account code to JOOR (DELIVERY → shipping, ACCOUNTS → billing; never STORE); incremental",
  attempts: 3,
  backoffMs: 2_000,
  async run(ctx) {
    const brandId = ctx.brand.id;
    const ledger = new JoorLedger(ctx.data);
    const client = joorClientFor(ctx);
    const priceTypes = new Map(ctx.settings.priceTypes.map((m) => [m.currency, m.priceType]));
    const total = await ctx.data.repo(Customer).count({ brandId });
    ctx.progress.setTotal(total);
    const counts = { sent: 0, unchanged: 0, skippedInactive: 0, skippedNoCode: 0, failed: 0 };
    const wouldSend = new Sample<{ accountCode: string; action: "create" | "update" }>();
    const codes = new Set<string>();
    ctx.logger.info(`Exporting ${total} customers to JOOR${ctx.full ? " (full)" : ""}${ctx.dryRun ? " (dry run: nothing is sent)" : ""}`);

    for await (const chunk of chunksOf(ctx.data, Customer, CHUNK)) {
      ctx.throwIfCancelled();
      const ids = chunk.map((c) => c.id);
      const addresses = await ctx.data
        .repo(Address)
        .find({ where: { brandId, customerId: In(ids), type: In(["DELIVERY", "ACCOUNTS"]) }, order: { id: "ASC" } });
      const byCustomer = new Map<number, AddressRecord[]>();
      for (const a of addresses) (byCustomer.get(a.customerId) ?? byCustomer.set(a.customerId, []).get(a.customerId)!).push(a as AddressRecord);
      const previous = await ledger.load(KIND, ids.map(String));
      const toSend: { customer: Customer; payload: ReturnType<typeof mapCustomer>["payload"]; hash: string }[] = [];
      let skipped = 0;
      for (const c of chunk) {
        if (c.status !== "ACTIVE") {
          counts.skippedInactive++;
          skipped++;
          continue;
        }
        const code = customerCode(c.accountCode);
        if (!code) {
          counts.skippedNoCode++;
          skipped++;
          continue;
        }
        const { payload, problems } = mapCustomer({ ...c, addresses: byCustomer.get(c.id) ?? [] }, priceTypes);
        if (!problems.length && codes.has(code))
          problems.push({ code: "DUPLICATE_ACCOUNT_CODE", message: `Another customer has the account code "${code}" (after trimming)` });
        if (problems.length) {
          counts.failed++;
          await ctx.reportIssue({ entity: "customer", key: code, code: problems[0].code, message: `${c.name}: ${problems.map((p) => p.message).join("; ")}` });
          continue;
        }
        codes.add(code);
        const hash = payloadHash(payload);
        const before = previous.get(String(c.id));
        if (!before?.joorId && !mayCreateOnJoor(ctx)) {
          // existing JOOR system: never create what reconcile has not matched (part 2, create-policy.ts)
          counts.failed++;
          await ctx.reportIssue({
            entity: "customer",
            key: code,
            code: "NOT_MATCHED",
            message: NOT_MATCHED_MESSAGE(`Customer ${c.name} (account code "${code}")`),
          });
          continue;
        }
        if (!ctx.full && before?.status === "ACCEPTED" && before.payloadHash === hash) {
          counts.unchanged++;
          skipped++;
          continue;
        }
        toSend.push({ customer: c, payload, hash });
      }
      ctx.progress.advance(skipped);
      if (!toSend.length) continue;
      if (ctx.dryRun) {
        for (const x of toSend)
          wouldSend.add({ accountCode: x.payload.customer_code, action: previous.get(String(x.customer.id))?.joorId ? "update" : "create" });
        counts.sent += toSend.length;
        ctx.progress.advance(toSend.length);
        continue;
      }
      const results = await client.connections.upsert(toSend.map((x) => x.payload));
      const writes: LedgerWrite[] = [];
      for (let i = 0; i < toSend.length; i++) {
        const x = toSend[i];
        const r = results[i];
        const label = x.payload.customer_code;
        if (r.ok) {
          counts.sent++;
          writes.push({ key: String(x.customer.id), label, joorId: r.connectionId, hash: x.hash, status: "ACCEPTED" });
          ctx.progress.advance();
        } else {
          counts.failed++;
          writes.push({ key: String(x.customer.id), label, status: "FAILED", message: r.message });
          await ctx.reportIssue({
            entity: "customer",
            key: label,
            code: "JOOR_REFUSED",
            message: `${x.customer.name}: JOOR refused the customer: ${r.message}`,
          });
        }
      }
      await ledger.write(KIND, writes, previous);
      ctx.logger.info(`JOOR took ${results.filter((r) => r.ok).length} of ${toSend.length} customers`, {
        accepted: results.filter((r) => r.ok).length,
        sent: toSend.length,
      });
    }
    const summary: Record<string, unknown> = ctx.dryRun
      ? {
          dryRun: true,
          wouldSend: counts.sent,
          unchanged: counts.unchanged,
          skippedInactive: counts.skippedInactive,
          skippedNoCode: counts.skippedNoCode,
          failed: counts.failed,
          records: wouldSend.items,
        }
      : { ...counts };
    ctx.logger.info(`Customers: ${JSON.stringify(summary).slice(0, 500)}`);
    return summary;
  },
};
