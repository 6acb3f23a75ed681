import { SeasonPriceCandidate, selectSeasonPrice } from "../../src/domain/price-selection";

const AW20 = 1; // 2020-02-01
const SS21 = 2; // 2020-08-01
const AW21 = 3; // 2021-02-01
const RESORT = 4; // 2020-08-01, same start date as SS21, created later

const price = (seasonId: number, startDate: string, currency: string, wholesale: string, retail: string | null = null): SeasonPriceCandidate => ({
  seasonId,
  startDate,
  currency,
  wholesale,
  retail,
});

const catalogue: SeasonPriceCandidate[] = [
  price(SS21, "2020-08-01", "EUR", "45.00", "110.00"),
  price(AW20, "2020-02-01", "EUR", "40.00", "99.00"),
  price(AW21, "2021-02-01", "EUR", "52.5", "125"),
  price(AW20, "2020-02-01", "JPY", "6500.0000", "15000"),
  price(SS21, "2020-08-01", "JPY", "7200", null),
];

describe("Selecting the season price sent to a platform", () => {
  it("a product visible in several selected seasons takes the price of the most recent one", () => {
    expect(selectSeasonPrice(catalogue, [AW20, SS21, AW21], [AW20, SS21, AW21], "EUR")).toEqual({ wholesale: "52.50", retail: "125.00", seasonId: AW21 });
    expect(selectSeasonPrice(catalogue, [AW20, SS21, AW21], [AW20, SS21], "EUR")).toEqual({ wholesale: "45.00", retail: "110.00", seasonId: SS21 });
  });

  it("the order of the prices does not matter, only the seasons' start dates", () => {
    const reversed = [...catalogue].reverse();
    expect(selectSeasonPrice(reversed, [AW20, SS21, AW21], [AW20, SS21, AW21], "EUR").seasonId).toBe(AW21);
  });

  it("a product in the catalogue but visible in none of the selected seasons is exported with prices 0.00", () => {
    expect(selectSeasonPrice(catalogue, [AW20, SS21], [AW21], "EUR")).toEqual({ wholesale: "0.00", retail: "0.00", seasonId: null });
    expect(selectSeasonPrice([], [], [AW20], "EUR")).toEqual({ wholesale: "0.00", retail: "0.00", seasonId: null });
    expect(selectSeasonPrice(catalogue, [AW20, SS21, AW21], [], "EUR")).toEqual({ wholesale: "0.00", retail: "0.00", seasonId: null });
  });

  it("a selected season the product is not visible in is skipped, even when it is the most recent", () => {
    expect(selectSeasonPrice(catalogue, [AW20, SS21], [AW20, SS21, AW21], "EUR")).toMatchObject({ wholesale: "45.00", seasonId: SS21 });
  });

  it("a visible season without a price in the currency gives way to the next most recent one that has it", () => {
    expect(selectSeasonPrice(catalogue, [AW20, SS21, AW21], [AW20, SS21, AW21], "JPY")).toEqual({ wholesale: "7200", retail: "0", seasonId: SS21 });
  });

  it("no price in the currency in any selected visible season is zero in that currency's minor units", () => {
    expect(selectSeasonPrice(catalogue, [AW20, SS21, AW21], [AW20, SS21, AW21], "GBP")).toEqual({ wholesale: "0.00", retail: "0.00", seasonId: null });
    expect(selectSeasonPrice(catalogue, [AW21], [AW21], "JPY")).toEqual({ wholesale: "0", retail: "0", seasonId: null });
    expect(selectSeasonPrice(catalogue, [AW21], [AW21], "KWD")).toEqual({ wholesale: "0.000", retail: "0.000", seasonId: null });
  });

  it("formats in the currency's minor units: EUR 2 decimals, JPY none, KWD 3", () => {
    const prices = [
      price(AW20, "2020-02-01", "EUR", "12.5", "30"),
      price(AW20, "2020-02-01", "JPY", "1200.0000"),
      price(AW20, "2020-02-01", "KWD", "4.25", "9.1235"),
    ];
    expect(selectSeasonPrice(prices, [AW20], [AW20], "EUR")).toMatchObject({ wholesale: "12.50", retail: "30.00" });
    expect(selectSeasonPrice(prices, [AW20], [AW20], "JPY")).toMatchObject({ wholesale: "1200", retail: "0" });
    expect(selectSeasonPrice(prices, [AW20], [AW20], "KWD")).toMatchObject({ wholesale: "4.250", retail: "9.124" });
  });

  it("currencies are matched exactly (ISO codes are upper case)", () => {
    expect(selectSeasonPrice(catalogue, [AW20], [AW20], "eur").seasonId).toBeNull();
  });

  it("seasons with the same start date: the later-created one (higher id) wins, as in the seasons list, whatever the input order", () => {
    const tie = [price(RESORT, "2020-08-01", "EUR", "47.00"), price(SS21, "2020-08-01", "EUR", "45.00")];
    expect(selectSeasonPrice(tie, [SS21, RESORT], [SS21, RESORT], "EUR")).toMatchObject({ wholesale: "47.00", seasonId: RESORT });
    expect(selectSeasonPrice([...tie].reverse(), [SS21, RESORT], [SS21, RESORT], "EUR")).toMatchObject({ wholesale: "47.00", seasonId: RESORT });
    expect(selectSeasonPrice(tie, [SS21, RESORT], [SS21], "EUR")).toMatchObject({ wholesale: "45.00", seasonId: SS21 });
  });

  it("accepts any iterable of season ids (a Set)", () => {
    expect(selectSeasonPrice(catalogue, new Set([AW20]), new Set([AW20]), "EUR")).toMatchObject({ wholesale: "40.00", seasonId: AW20 });
  });
});
