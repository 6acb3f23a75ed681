import { Column, ColumnOptions, DataSource } from "typeorm";
import { isMysqlFamily } from "./case-sensitive-columns";

/**
 * Text columns that may hold more than 64 KB (raw platform payloads). SQLite's TEXT has no practical limit;
 * MySQL/MariaDB's TEXT stops at 64 KB, so these columns are LONGTEXT there. The entity declares `text` (the type
 * both drivers accept) and the metadata is switched to `longtext` after initialisation on MySQL, which keeps the
 * schema diff empty on both; migrations use `longText()` from migrations/lib/columns.ts.
 */
const registered: { target: Function; property: string }[] = [];

export function LongText(options: ColumnOptions = {}): PropertyDecorator {
  const column = Column({ type: "text", ...options });
  return (target, property) => {
    registered.push({ target: target.constructor, property: String(property) });
    column(target, property);
  };
}

export function applyLongTextColumns(ds: DataSource): void {
  if (!isMysqlFamily(ds)) return;
  for (const { target, property } of registered) {
    const meta = ds.entityMetadatas.find((m) => m.target === target);
    const col = meta?.columns.find((c) => c.propertyName === property);
    if (col) col.type = "longtext";
  }
}
