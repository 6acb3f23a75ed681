import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from "typeorm";

/**
 * Account codes are unique per brand ignoring case, and found ignoring case, on SQLite and MySQL/MariaDB
 * alike: a normalised key column (trimmed, lower-case) with a unique index. Existing customers get their
 * key; where a brand already has codes differing only in case (possible on SQLite before), the oldest
 * customer keeps the key and the others get none (their accountCode is kept and shown; they are no longer
 * matched by it until an admin gives them a distinct code).
 */
export class AccountCodeKey1764400000100 implements MigrationInterface {
  name = "AccountCodeKey1764400000100";

  public async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn("customer", new TableColumn({ name: "accountCodeKey", type: "varchar", length: "50", isNullable: true }));
    const rows: { id: number; brandId: number; accountCode: string }[] = await qr.manager
      .createQueryBuilder()
      .select(["c.id AS id", "c.brandId AS brandId", "c.accountCode AS accountCode"])
      .from("customer", "c")
      .where("c.accountCode IS NOT NULL")
      .orderBy("c.id", "ASC")
      .getRawMany();
    const seen = new Set<string>();
    for (const row of rows) {
      const key = String(row.accountCode).trim().toLowerCase();
      if (!key || seen.has(`${row.brandId}:${key}`)) continue;
      seen.add(`${row.brandId}:${key}`);
      await qr.manager
        .createQueryBuilder()
        .update("customer")
        .set({ accountCodeKey: key })
        .where("id = :id", { id: Number(row.id) })
        .execute();
    }
    await qr.createIndex(
      "customer",
      new TableIndex({ name: "UQ_customer_brand_account_code_key", columnNames: ["brandId", "accountCodeKey"], isUnique: true }),
    );
  }

  public async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex("customer", "UQ_customer_brand_account_code_key");
    await qr.dropColumn("customer", "accountCodeKey");
  }
}
