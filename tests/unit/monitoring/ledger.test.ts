import { describe, expect, it } from "vitest";
import { fakeIdNumber } from "@/lib/monitoring/generate";
import { CostLedger } from "@/lib/monitoring/ledger";
import type { SettlementRow } from "@/lib/monitoring/settlement";

const year = { from: "2025-01-01", to: "2025-12-31" };

function row(idNumber: string, date: string, personalCash: number, scheme: SettlementRow["scheme"] = "resident"): SettlementRow {
  return { settlementId: `${idNumber}-${date}`, idNumber, scheme, date, facility: "", level: "", inRegion: true, total: personalCash * 2, policyScope: 0, basic: personalCash / 2, critical: 0, assistance: personalCash / 2, personalCash };
}

describe("the cost ledger: each person's month costs in whole fen", () => {
  it("sums per person and month across pages of people, in exact integers", () => {
    const ledger = new CostLedger(year);
    const people = 10_000; // more than two pages
    for (let i = 0; i < people; i++) ledger.add(row(fakeIdNumber(i), "2025-03-05", 100 + i));
    for (let i = 0; i < people; i += 3) ledger.add(row(fakeIdNumber(i), "2025-03-20", 1));
    expect(ledger.size).toBe(people);
    const p = ledger.personIndex(fakeIdNumber(9_999))!;
    expect(ledger.sum("personal", p, 0, 11)).toBe(100 + 9_999 + 1);
    expect(ledger.max("maxStay", p, 0, 11)).toBe(100 + 9_999);
    expect(ledger.cost("total", p, 2)).toBe((100 + 9_999) * 2 + 2);
    expect(ledger.settlementsOf(p)).toBe(2);
    expect(ledger.keys[p]).toBe(fakeIdNumber(9_999));
    expect(ledger.personIndex(fakeIdNumber(people))).toBeUndefined();
    expect(ledger.rows).toBe(people + Math.ceil(people / 3));
  });

  it("numbers people in the order first seen, whatever the shape of their key, and reads right mid-batch", () => {
    const ledger = new CostLedger(year);
    const [a, b] = [fakeIdNumber(1), fakeIdNumber(2)];
    ledger.add(row("hash:A", "2025-01-02", 5));
    ledger.add(row(a, "2025-01-03", 7));
    ledger.add(row("hash:B", "2025-02-03", 11));
    expect(ledger.size).toBe(3); // read while settlements wait to be added
    ledger.add(row(b, "2025-02-04", 13));
    ledger.add(row(a, "2025-02-05", 17));
    expect(ledger.keys).toEqual(["hash:A", a, "hash:B", b]);
    expect(ledger.sum("personal", ledger.personIndex(a)!, 0, 11)).toBe(24);
    expect(ledger.settlementsOf(ledger.personIndex("hash:B")!)).toBe(1);
    expect(ledger.has(b)).toBe(true);
    expect(ledger.has(fakeIdNumber(3))).toBe(false);
  });

  it("the scheme is the one of the person's latest settlement; the data is as fresh as the latest date", () => {
    const ledger = new CostLedger(year);
    const id = fakeIdNumber(1);
    ledger.add(row(id, "2025-06-01", 10, "employee"));
    ledger.add(row(id, "2025-02-01", 10, "resident"));
    const p = ledger.personIndex(id)!;
    expect(ledger.schemeOf(p)).toBe("employee");
    expect(ledger.latestOf(p)).toBe("2025-06-01");
    ledger.add(row(id, "2025-11-30", 10, "retiree"));
    expect(ledger.schemeOf(p)).toBe("retiree");
    expect(ledger.dataThrough).toBe("2025-11-30");
    expect(new CostLedger(year).dataThrough).toBe("");
    expect(() => ledger.add(row(id, "2026-01-01", 1))).toThrow(RangeError);
  });

  it("stored months add back to the same figures (monthsOf → addMonth)", () => {
    const a = new CostLedger(year);
    const id = fakeIdNumber(7);
    a.add(row(id, "2025-01-09", 500, "employee"));
    a.add(row(id, "2025-04-09", 700, "employee"));
    const b = new CostLedger(year);
    const months = [...a.monthsOf(0)];
    months[months.length - 1].costs.settlements = a.settlementsOf(0);
    for (const { month, costs } of months) b.addMonth(id, month, a.schemeOf(0), a.latestOf(0), costs);
    expect(b.sum("personal", 0, 0, 11)).toBe(1200);
    expect(b.max("maxStay", 0, 0, 11)).toBe(700);
    expect(b.settlementsOf(0)).toBe(2);
    expect(b.schemeOf(0)).toBe("employee");
    expect(b.latestOf(0)).toBe("2025-04-09");
  });
});
