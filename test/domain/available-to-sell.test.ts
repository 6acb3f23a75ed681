import { SeasonStock, sumAvailableToSell } from "../../src/domain/available-to-sell";

const AW20 = 1;
const SS21 = 2;
const AW21 = 3;
const level = (seasonId: number, availableToSell: number, projected = 0, availableFrom: string | null = null): SeasonStock => ({
  seasonId,
  availableToSell,
  projected,
  availableFrom,
});

describe("Available to sell sent to a platform", () => {
  it("ATS across more than one selected season is the total of all seasons", () => {
    const levels = [level(AW20, 5), level(SS21, 7), level(AW21, 11)];
    expect(sumAvailableToSell(levels, [AW20, SS21, AW21]).availableToSell).toBe(23);
    expect(sumAvailableToSell(levels, [AW20, SS21]).availableToSell).toBe(12);
  });

  it("unselected seasons are ignored, for ATS and projected stock alike", () => {
    const levels = [level(AW20, 5, 10, "2020-06-15"), level(SS21, 7, 30, "2020-12-01")];
    expect(sumAvailableToSell(levels, [SS21])).toEqual({ availableToSell: 7, projected: [{ quantity: 30, date: "2020-12-01" }] });
    expect(sumAvailableToSell(levels, [AW21])).toEqual({ availableToSell: 0, projected: [] });
    expect(sumAvailableToSell(levels, [])).toEqual({ availableToSell: 0, projected: [] });
  });

  it("projected stock is grouped by the product line start date, earliest first", () => {
    const levels = [level(AW21, 0, 4, "2021-03-01"), level(AW20, 1, 10, "2020-06-15"), level(SS21, 2, 6, "2020-06-15")];
    expect(sumAvailableToSell(levels, [AW20, SS21, AW21])).toEqual({
      availableToSell: 3,
      projected: [
        { quantity: 16, date: "2020-06-15" },
        { quantity: 4, date: "2021-03-01" },
      ],
    });
  });

  it("projected stock without a production docket date is kept, undated, after the dated quantities", () => {
    const levels = [level(AW20, 0, 8, null), level(SS21, 0, 3, "2020-09-01"), level(AW21, 0, 2, null)];
    expect(sumAvailableToSell(levels, [AW20, SS21, AW21]).projected).toEqual([
      { quantity: 3, date: "2020-09-01" },
      { quantity: 10, date: null },
    ]);
  });

  it("dates with no projected quantity are left out", () => {
    const levels = [level(AW20, 4, 0, "2020-06-15"), level(SS21, 1, 0, null)];
    expect(sumAvailableToSell(levels, [AW20, SS21])).toEqual({ availableToSell: 5, projected: [] });
  });

  it("no stock levels at all is zero", () => {
    expect(sumAvailableToSell([], [AW20])).toEqual({ availableToSell: 0, projected: [] });
  });
});
