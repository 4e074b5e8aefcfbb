import { describe, expect, it } from "vitest";
import { sortRosterImport } from "@/lib/schools/roster-sort";

describe("sorting a re-import", () => {
  it("renews pupils still here, adds new ones, takes transfers in, holds back pupils on another school's current roster, and lets the missing leave", () => {
    const sort = sortRosterImport({
      fileIdHashes: ["stay", "fresh", "moved", "double"],
      currentHere: new Set(["stay", "graduated"]),
      currentElsewhere: new Set(["double"]),
      formerlyElsewhere: new Set(["moved"]),
      mode: "full",
    });
    expect(sort.moves).toEqual(["renew", "new", "transfer-in", "already-elsewhere"]);
    expect(sort.leaving).toEqual(["graduated"]);
    expect(sort.counts).toEqual({ renew: 1, new: 1, "transfer-in": 1, "already-elsewhere": 1, leaving: 1 });
  });

  it("an added list lets nobody leave", () => {
    expect(sortRosterImport({ fileIdHashes: ["a"], currentHere: new Set(["b"]), currentElsewhere: new Set(), formerlyElsewhere: new Set(), mode: "add" }).leaving).toEqual([]);
  });
});
