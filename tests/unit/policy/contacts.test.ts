import { describe, expect, it } from "vitest";
import hans from "@/locales/zh-Hans/common.json";
import { contactData, contactDocument, contactPlaces, contactsFor } from "@/lib/policy/contacts";
import { listPolicies } from "@/lib/policy";

const today = "2026-12-03";

describe("who to call (lib/policy/contacts.json)", () => {
  it("every policy pack has a contacts block, and every place has the 乡镇（街道） 民政 office", () => {
    const packs = listPolicies().map((p) => p.id).sort();
    expect(contactPlaces().sort()).toEqual(packs);
    for (const pack of packs) expect(contactsFor(pack, today).map((c) => c.id)).toContain("civil-affairs-office");
  });

  it("医保 12393 and 12345 are national lines, shown for every place with a tel: number", () => {
    for (const pack of contactPlaces()) {
      const lines = contactsFor(pack, today).filter((c) => c.kind === "hotline");
      expect(lines.map((c) => c.phone)).toEqual(["12393", "12345"]);
    }
    expect(contactsFor(null, today).map((c) => c.id)).toEqual(["medical-insurance-hotline", "government-hotline", "civil-affairs-office"]);
  });

  it("no office has a number the sources do not give: offices carry no phone, and every entry names a known document and clause", () => {
    const all = [...contactData.national, ...Object.values(contactData.places).flat()];
    for (const c of all) {
      if (c.kind === "office") expect(c.phone).toBeNull();
      expect(contactDocument(c.source.document)).toBeDefined();
      expect(c.source.clause.length).toBeGreaterThan(4);
    }
    // The 12393 source is a reprint (C), said as such on screen.
    expect(contactDocument("nhsa-12393")?.reliability).toBe("C");
  });

  it("a place's own office replaces the national one (沈阳: its seed clause 六、4, from 2023-08-21)", () => {
    const office = contactsFor("shenyang-2023", today).find((c) => c.id === "civil-affairs-office")!;
    expect(office.source.document).toBe("seed-000");
    expect(contactsFor("shenyang-2023", "2023-01-01").find((c) => c.id === "civil-affairs-office")!.source.document).toBe("minzheng-flow");
  });

  it("entries follow their effective dates: 鹿寨's 县社保局窗口 (六(二)2) only while the 2018 scheme is in force; 12345 from 2021-01-06", () => {
    expect(contactsFor("luzhai-2018", "2018-09-01").map((c) => c.id)).toContain("county-social-security-window");
    expect(contactsFor("luzhai-2018", today).map((c) => c.id)).not.toContain("county-social-security-window");
    expect(contactsFor("luzhai-2018", "2018-09-01").map((c) => c.id)).not.toContain("government-hotline");
  });

  it("every entry and document has its words in the locale (the office sentence from the seed clause)", () => {
    const all = [...contactData.national, ...Object.values(contactData.places).flat()];
    for (const c of all) {
      const words = (hans.contacts.entries as Record<string, { name: string; what: string }>)[c.id];
      expect(words?.name, c.id).toBeTruthy();
      expect(words?.what, c.id).toBeTruthy();
    }
    for (const d of Object.keys(contactData.documents)) expect((hans.contacts.documents as Record<string, string>)[d], d).toBeTruthy();
    expect(hans.contacts.entries["civil-affairs-office"].what).toContain("向户籍所在地乡镇（街道）民政办提出申请");
  });
});
