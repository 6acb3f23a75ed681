/**
 * A LIKE pattern that matches `text` literally anywhere ("contains"), lower-cased: %, _ and the escape
 * character are escaped with "!" — use with `LIKE :q ESCAPE '!'`, which means the same on SQLite and
 * MySQL/MariaDB (a backslash is then an ordinary character on both).
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, "!$&")}%`;
}
