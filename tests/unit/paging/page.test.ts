import { describe, expect, it } from "vitest";
import { pageHref, pageWindow, requestedPage, STAFF_PAGE_SIZE } from "@/lib/paging/page";

describe("staff list pages", () => {
  it("reads a page number from the address, and anything else as the first page", () => {
    expect(requestedPage("3")).toBe(3);
    expect(requestedPage(["4", "9"])).toBe(4);
    for (const raw of [undefined, "", "0", "-2", "2.5", "abc", "1e3", "9999999", " 2"]) expect(requestedPage(raw)).toBe(1);
  });

  it("windows the rows of a page, and clamps a page past the end to the last one", () => {
    expect(pageWindow(0, 1)).toEqual({ page: 1, pageCount: 1, total: 0, skip: 0, take: STAFF_PAGE_SIZE });
    expect(pageWindow(45, 2, 20)).toEqual({ page: 2, pageCount: 3, total: 45, skip: 20, take: 20 });
    expect(pageWindow(45, 7, 20)).toMatchObject({ page: 3, skip: 40 });
    expect(pageWindow(40, 3, 20)).toMatchObject({ page: 2, pageCount: 2, skip: 20 });
  });

  it("links to another page keeping the list's filters, and the first page without a page parameter", () => {
    expect(pageHref("/zh-Hans/staff", { status: "received", urgent: "1", page: "2" }, 3)).toBe("/zh-Hans/staff?status=received&urgent=1&page=3");
    expect(pageHref("/zh-Hans/staff", { status: "received", page: "2", name: undefined }, 1)).toBe("/zh-Hans/staff?status=received");
    expect(pageHref("/zh-Hant/staff/monitoring", {}, 1)).toBe("/zh-Hant/staff/monitoring");
    expect(pageHref("/zh-Hans/staff", { name: "张 三&x=1" }, 2)).toBe("/zh-Hans/staff?name=%E5%BC%A0+%E4%B8%89%26x%3D1&page=2");
  });
});
