import { afterEach, describe, expect, test } from "vitest";
import { requestNow, shiftedNow } from "@/lib/config/demo-clock";

const saved = process.env.YIZHAN_DEMO;
afterEach(() => {
  if (saved === undefined) delete process.env.YIZHAN_DEMO;
  else process.env.YIZHAN_DEMO = saved;
});

describe("the demo-only clock override (yz_demo_today)", () => {
  const real = new Date("2026-12-03T01:30:00Z"); // 09:30 in Beijing

  test("moves the China date to the one asked for, keeping the time of day", () => {
    expect(shiftedNow(real, "2026-12-30").toISOString()).toBe("2026-12-30T01:30:00.000Z");
    expect(shiftedNow(real, "2026-11-01").toISOString()).toBe("2026-11-01T01:30:00.000Z");
    // 23:30 in Beijing is still the same China date after the shift.
    expect(shiftedNow(new Date("2026-12-03T15:30:00Z"), "2026-12-30").toISOString()).toBe("2026-12-30T15:30:00.000Z");
  });

  test("ignores anything that is not a calendar date", () => {
    for (const bad of [undefined, "", "2026-12-32", "tomorrow", "2026-12-30T00:00"]) expect(shiftedNow(real, bad)).toBe(real);
  });

  test("outside demo mode the cookie is never read: now is the real now", async () => {
    delete process.env.YIZHAN_DEMO;
    const before = Date.now();
    const now = await requestNow(); // would throw outside a request if it tried to read cookies
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime() - Date.now()).toBeLessThanOrEqual(0);
  });
});
