import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn, ValueTransformer } from "typeorm";

/**
 * Shared column shapes. Entities and migrations must agree exactly (the migration drift test checks it),
 * so every reusable shape lives here and in migrations/lib/columns.ts with the same types.
 */

/** Decimal columns come back as numbers from SQLite and as strings from MySQL; money is always a string here. */
export const decimalString: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : String(value)),
};

export const MONEY: ColumnOptions = { type: "decimal", precision: 19, scale: 4, transformer: decimalString };

export function Varchar(length: number, options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "varchar", length, ...options });
}

export function IntegerColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "integer", ...options });
}

export function BoolColumn(defaultValue: boolean): PropertyDecorator {
  return Column({ type: "boolean", default: defaultValue });
}

export function CreatedAt(): PropertyDecorator {
  return CreateDateColumn();
}

export function UpdatedAt(): PropertyDecorator {
  return UpdateDateColumn();
}

export function NullableDateTime(): PropertyDecorator {
  return Column({ type: "datetime", nullable: true });
}

/**
 * A nullable timestamp with sub-second precision (`datetime(6)` on MySQL/MariaDB, where plain `datetime` keeps
 * whole seconds; SQLite stores milliseconds either way). For times that are compared at sub-second scale
 * (job heartbeats, backoff, start/finish).
 */
export function PreciseDateTime(): PropertyDecorator {
  return Column({ type: "datetime", precision: 6, nullable: true });
}

export function DateOnly(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "date", ...options });
}
