import { currencyDigits } from "../../src/domain/codes";
import { formatMoney, formatUnits, isDecimalString, multiplyMoney, parseMoney, toStoredMoney } from "../../src/domain/money";

describe("Money: exact decimal strings", () => {
  it.each([
    ["12.5", 125000n],
    ["12.50", 125000n],
    ["0", 0n],
    ["0.0001", 1n],
    ["-3.25", -32500n],
    ["  7 ", 70000n],
    ["123456789012345.6789", 1234567890123456789n],
  ])("parses %j into 1/10,000 units", (text, units) => {
    expect(parseMoney(text)).toBe(units);
  });

  it("parses numbers (SQLite returns decimals as numbers) without float drift", () => {
    expect(parseMoney(49.5)).toBe(495000n);
    expect(parseMoney(0.1 + 0.2)).toBe(3000n);
    expect(parseMoney(-1.25)).toBe(-12500n);
  });

  it.each(["", "abc", "12,50", "1.", ".5", "1e3", "--1", "1.2.3"])("refuses to parse %j", (text) => {
    expect(() => parseMoney(text)).toThrow(/Not a decimal amount/);
  });

  it.each([
    ["49.50", true],
    ["49", true],
    ["-1.0001", true],
    ["1.00001", false], // more than 4 decimals
    ["1.", false],
    ["+1", false],
    ["1,5", false],
    ["1e2", false],
    ["", false],
    ["1234567890123456", false], // more than 15 whole digits
  ])("isDecimalString(%j) is %s", (text, expected) => {
    expect(isDecimalString(text)).toBe(expected);
  });

  it("formats in the currency's minor units: EUR 2, JPY 0, KWD 3", () => {
    expect([currencyDigits("EUR"), currencyDigits("JPY"), currencyDigits("KWD"), currencyDigits("GBP")]).toEqual([2, 0, 3, 2]);
    expect(formatMoney("12.5", "EUR")).toBe("12.50");
    expect(formatMoney("1200.0000", "JPY")).toBe("1200");
    expect(formatMoney("4.25", "KWD")).toBe("4.250");
    expect(formatMoney(49.5, "GBP")).toBe("49.50");
    expect(formatMoney("0", "EUR")).toBe("0.00");
  });

  it("rounds half away from zero, for negative amounts too", () => {
    expect(formatMoney("2.345", "EUR")).toBe("2.35");
    expect(formatMoney("2.3449", "EUR")).toBe("2.34");
    expect(formatMoney("-2.345", "EUR")).toBe("-2.35");
    expect(formatMoney("-2.3449", "EUR")).toBe("-2.34");
    expect(formatMoney("1200.5", "JPY")).toBe("1201");
    expect(formatMoney("1200.4999", "JPY")).toBe("1200");
    expect(formatMoney("9.1235", "KWD")).toBe("9.124");
    expect(formatMoney("0.995", "EUR")).toBe("1.00");
  });

  it("a negative amount that rounds to zero has no minus sign", () => {
    expect(formatMoney("-0.004", "EUR")).toBe("0.00");
    expect(formatMoney("-0.4", "JPY")).toBe("0");
    expect(formatMoney("-0", "EUR")).toBe("0.00");
  });

  it("keeps negative amounts negative", () => {
    expect(formatMoney("-12.5", "EUR")).toBe("-12.50");
    expect(formatUnits(-1n, 4)).toBe("-0.0001");
  });

  it("stores amounts with 4 decimals", () => {
    expect(toStoredMoney("49.5")).toBe("49.5000");
    expect(toStoredMoney("7200")).toBe("7200.0000");
    expect(toStoredMoney("-0.0001")).toBe("-0.0001");
  });

  it("multiplies by a quantity exactly", () => {
    expect(multiplyMoney("19.99", 3)).toBe(parseMoney("59.97"));
    expect(formatUnits(multiplyMoney("0.1", 3), 2)).toBe("0.30");
    expect(formatUnits(multiplyMoney("12345678.9999", 1000), 4)).toBe("12345678999.9000");
  });
});
