import { isLockConflict } from "../../../plugins/joor/orders/stage-orders";

/** Which database errors make the staging of a page run again (it was rolled back whole) — pure rule. */
describe("isLockConflict", () => {
  it("a deadlock or a lock wait timeout (as mysql2 or as TypeORM's QueryFailedError) is one", () => {
    expect(isLockConflict(Object.assign(new Error("Deadlock found"), { errno: 1213 }))).toBe(true);
    expect(isLockConflict(Object.assign(new Error("Lock wait timeout exceeded"), { errno: 1205 }))).toBe(true);
    expect(isLockConflict(Object.assign(new Error("QueryFailedError"), { driverError: { errno: 1213 } }))).toBe(true);
  });

  it("anything else is not (a duplicate key, a lost connection, not an error at all)", () => {
    expect(isLockConflict(Object.assign(new Error("Duplicate entry"), { errno: 1062 }))).toBe(false);
    expect(isLockConflict(new Error("Connection lost"))).toBe(false);
    expect(isLockConflict(null)).toBe(false);
    expect(isLockConflict("1213")).toBe(false);
  });
});
