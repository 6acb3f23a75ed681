import type { BrandScope } from "../../../../src/plugin";
import { JoorLedger } from "../../ledger/ledger.service";
import { payloadHash } from "../../ledger/hash";
import type { JoorRecordKind } from "../../ledger/kinds";
import type { JoorSyncRecord } from "../../ledger/sync-record.entity";

/** Thin helpers over the ledger service (ledger/ledger.service.ts) for the part-2 exports. */
export const hashOf = payloadHash;

export interface LedgerRow {
  recordKey: string;
  label: string | null;
  joorId: string | null;
  joorIds: Record<string, unknown> | null;
  payloadHash: string | null;
  status: "ACCEPTED" | "FAILED";
  message: string | null;
}

export function ledgerRows(data: BrandScope, kind: string, keys: readonly string[]): Promise<Map<string, JoorSyncRecord>> {
  return new JoorLedger(data).load(kind as JoorRecordKind, [...keys]);
}

export const idsOf = <T = Record<string, string>>(row: JoorSyncRecord | undefined): T | null => (row?.joorIdsJson ? (JSON.parse(row.joorIdsJson) as T) : null);

/**
 * Writes JOOR's answers (batched upserts); `loaded` may pass the ledger rows already read for these keys.
 * A FAILED answer keeps the last accepted hash and the JOOR ids known so far: the record is sent again next
 * time, as an update of what JOOR already has.
 */
export async function writeLedger(data: BrandScope, kind: string, entries: readonly LedgerRow[], loaded?: Map<string, JoorSyncRecord>): Promise<void> {
  if (!entries.length) return;
  const ledger = new JoorLedger(data);
  // `loaded`: the rows the caller read for these keys at the start of its page (no second SELECT)
  const previous =
    loaded ??
    (await ledger.load(
      kind as JoorRecordKind,
      entries.map((e) => e.recordKey),
    ));
  await ledger.write(
    kind as JoorRecordKind,
    entries.map((e) => ({
      key: e.recordKey,
      label: e.label,
      joorId: e.joorId,
      joorIds: e.joorIds,
      hash: e.payloadHash,
      status: e.status,
      message: e.message,
    })),
    previous,
  );
}
