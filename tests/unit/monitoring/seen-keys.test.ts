import { describe, expect, it } from "vitest";
import { prng } from "@/lib/monitoring/generate";
import { SeenKeys } from "@/lib/monitoring/seen-keys";

/** Feeds the ids to SeenKeys and to a Set; the number of answers they disagree on. */
function disagreements(ids: readonly string[]): { wrong: number; seen: SeenKeys; set: Set<string> } {
  const seen = new SeenKeys();
  const set = new Set<string>();
  let wrong = 0;
  for (const id of ids) {
    const expected = !set.has(id);
    set.add(id);
    if (seen.addNew(id) !== expected) wrong++;
  }
  return { wrong, seen, set };
}

const serial = (n: number) => `S2025${String(n).padStart(8, "0")}`;

describe("SeenKeys: settlement ids seen in one file", () => {
  it("tells a repeated id in an ordered file, at once or much later, and orders ids by length first", () => {
    const seen = new SeenKeys();
    expect(seen.addNew(serial(9))).toBe(true);
    expect(seen.addNew(serial(10))).toBe(true);
    expect(seen.addNew(serial(10))).toBe(false);
    expect(seen.addNew("S9")).toBe(true); // shorter: sorts first, so out of order, and new
    expect(seen.addNew("S9")).toBe(false);
    expect(seen.addNew(serial(9))).toBe(false); // in the run, found by search
    expect(seen.addNew("xx" + serial(11) + "yy", 2, 15)).toBe(true);
    expect(seen.has(serial(11))).toBe(true);
    expect(seen.has(serial(12))).toBe(false);
    expect(seen.size).toBe(4);
  });

  it("agrees with a Set on a mostly ordered file with gaps, repeats and late stragglers", () => {
    const rand = prng(5);
    const ids: string[] = [];
    for (let n = 0; n < 60_000; n++) {
      const r = rand();
      if (r < 0.03 && ids.length) ids.push(ids[Math.floor(rand() * ids.length)]); // a repeat, near or far
      else if (r < 0.06) ids.push(serial(Math.floor(rand() * 200_000))); // out of order
      else ids.push(serial(n * 3));
    }
    const { wrong, seen, set } = disagreements(ids);
    expect(wrong).toBe(0);
    expect(seen.size).toBe(set.size);
  });

  it("agrees with a Set on a shuffled file (it switches to hashing) and on mixed spellings", () => {
    const rand = prng(9);
    const ids: string[] = [];
    for (let n = 0; n < 40_000; n++) ids.push(rand() < 0.5 ? serial(Math.floor(rand() * 30_000)) : `${Math.floor(rand() * 20_000).toString(36)}结算`);
    // Ordered at first, so the run is long when the switch comes.
    const { wrong, seen, set } = disagreements([...Array.from({ length: 10_000 }, (_, i) => serial(i * 2)), ...ids]);
    expect(wrong).toBe(0);
    expect(seen.size).toBe(set.size);
    for (let i = 0; i < 100; i++) expect(seen.has(serial(i * 2))).toBe(true);
  });
});
