import { describe, expect, test } from "vitest";
import { billSegments, percent } from "@/lib/estimate/shares";
import { estimate } from "@/lib/policy";

// The contract's worked example 1 (鹿寨 2018): a 20,000 yuan stay, 12,000 basic, 2,000 critical, 1,000 assistance, 3,000 兜底.
const example = estimate({
  policy: "luzhai-2018",
  serviceDate: "2018-09-01",
  locale: "zh-Hans",
  person: { insurance: "resident", categories: ["poverty-registered"] },
  episodes: [
    {
      kind: "inpatient",
      facility: "county",
      inRegion: true,
      referred: true,
      designated: true,
      emergency: false,
      cause: "illness",
      total: "20000.00",
      settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" },
    },
  ],
});

describe("who pays what share of the bill", () => {
  test("one segment per layer that paid, then the family; the shares add up to the whole bill", () => {
    if (example.status !== 200) throw new Error(JSON.stringify(example.body));
    const segments = billSegments(example.body);
    expect(segments.at(-1)).toMatchObject({ id: "family", paid: "2000.00" });
    expect(segments.every((s) => s.id === "family" || Number(s.paid) > 0)).toBe(true);
    expect(segments.reduce((sum, s) => sum.plus(s.share), segments[0].share.minus(segments[0].share)).toString()).toBe("1");
    expect(percent(segments.at(-1)!.share, 1)).toBe("10");
  });
  test.each([
    ["0.1000", 1, "10"],
    ["0.12345", 2, "12.35"],
    ["0.3333333", 1, "33.3"],
    ["0", 1, "0"],
  ])("percent(%s, %i) = %s", (ratio, places, expected) => {
    expect(percent(ratio, places)).toBe(expected);
  });
});
