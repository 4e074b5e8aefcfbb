import { expect, type Page, test } from "@playwright/test";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { signInCitizen, signInStaff, text } from "@/tests/e2e/helpers";
import { expectAccessible } from "@/tests/e2e/flow-helpers";
import { copySeededApplication } from "@/tests/e2e/provisional-db";

// Issue 10: a deadline that reaches a year without a State Council holiday notice (2027, with chinese-days
// 1.5.7 and an empty holiday-notices.json) does not stop the caseworker; it is counted provisionally and
// shown as 暂定 with the reason, to staff and to the applicant, in both scripts.
//
// "Today" is moved to Wed 2026-12-30 for the caseworker's browser with the demo-only yz_demo_today cookie
// (lib/config/demo-clock.ts; honoured only when YIZHAN_DEMO=1). 鹿寨's 公示 is 3 working days: Thu 12-31,
// then Fri 2027-01-01 (元旦, by the law itself) and the weekend are rest days, Mon 01-04, Tue 01-05.

const DEMO_TODAY = "2026-12-30";
const ENDS = { "zh-Hans": "2027年1月5日", "zh-Hant": "2027年1月5日" } as const;

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${(testInfo.line * 11) % 250}` });
});

async function asStaff(page: Page, baseURL: string | undefined, username: string) {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "yz_demo_today", value: DEMO_TODAY, url: baseURL ?? "http://127.0.0.1" }]);
  await signInStaff(page, "zh-Hans", username);
  await expect(page).toHaveURL(/\/zh-Hans\/staff$/);
}

async function asCitizen(page: Page, phone: string) {
  await page.context().clearCookies();
  await forgetRateLimits();
  await signInCitizen(page, "zh-Hans", phone);
  await expect(page).toHaveURL(/\/zh-Hans\/me$/);
}

test("a caseworker starts a 公示 on 2026-12-30 that ends in 2027: it is not refused, and staff and the applicant see the 暂定 date and why", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const c = text["zh-Hans"].console;
  // A copy of the demo application LZ2026-000003 (13800000002, 鹿寨, under review with a check recorded).
  const { id, reference } = await copySeededApplication("LZ2026-000003");

  await asStaff(page, baseURL, "case01");
  await page.goto(`/zh-Hans/staff/applications/${id}`);
  await page.getByTestId("action-propose-amount").locator("summary").click();
  await page.getByTestId("action-propose-amount").getByLabel(c.form.amount).fill("2800");
  await page.getByTestId("action-propose-amount").getByLabel(c.form.reason).fill("按 5 个月低保标准");
  await page.getByTestId("do-propose-amount").click();
  await expect(page.getByTestId("action-done")).toContainText(c.actions["propose-amount"]);

  // Before acting, the form already says the end date is provisional.
  await page.getByTestId("action-start-publicity").locator("summary").click();
  await expect(page.getByTestId("action-start-publicity")).toContainText(ENDS["zh-Hans"]);
  await expect(page.getByTestId("publicity-ends-provisional")).toHaveText(c.detail.provisional);
  await page.getByTestId("do-start-publicity").click();
  await expect(page.getByTestId("action-done")).toContainText(c.actions["start-publicity"]);
  await expect(page.getByTestId("action-error")).toHaveCount(0);
  await expect(page.getByTestId("staff-status")).toHaveAttribute("data-status", "publicity");
  await expect(page.getByTestId("current-due")).toContainText(ENDS["zh-Hans"]);
  await expect(page.getByTestId("current-due-provisional")).toHaveText(c.detail.provisional);
  await expect(page.getByTestId("current-due")).toContainText(c.detail.provisionalWhy.replace("{{year}}", "2027"));
  await expectAccessible(page, "staff application with a 暂定 deadline");

  // The queue flags it too.
  await page.goto("/zh-Hans/staff");
  await expect(page.locator(`[data-reference="${reference}"]`).getByTestId("provisional-flag")).toHaveText(c.queue.provisionalFlag);

  // The applicant's timeline (进度) and messages, in both scripts.
  await asCitizen(page, "13800000002");
  for (const lng of ["zh-Hans", "zh-Hant"] as const) {
    const a = text[lng].apply;
    await page.goto(`/${lng}/progress/${id}`);
    await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.publicity);
    const due = page.getByTestId("step-publicity-due");
    await expect(due).toContainText(a.track.dueBy.replace("{{date}}", ENDS[lng]));
    await expect(page.getByTestId("step-publicity-provisional")).toHaveText(a.provisional.mark);
    await expect(due).toContainText(a.provisional.why.replace("{{year}}", "2027"));
    const message = page.getByTestId("notification").filter({ hasText: text[lng].common.status.publicity });
    await expect(message).toContainText(ENDS[lng]);
    await expect(message.getByTestId("notification-provisional")).toHaveText(a.provisional.mark);
    await expectAccessible(page, `${lng} progress with a 暂定 deadline`);
  }
});

test("the receipt of an application submitted on 2026-12-31 gives its 受理 date, Mon 2027-01-04, as 暂定 with the reason", async ({ page }) => {
  // A copy of the demo application LZ2026-000005 (13800000001, 鹿寨), as if submitted on Thu 2026-12-31.
  const { id } = await copySeededApplication("LZ2026-000005", { submittedOn: "2026-12-31" });
  await asCitizen(page, "13800000001");
  for (const lng of ["zh-Hant", "zh-Hans"] as const) {
    const a = text[lng].apply;
    await page.goto(`/${lng}/apply/submitted/${id}`);
    const next = page.getByTestId("what-next");
    await expect(next).toContainText("2027年1月4日");
    await expect(page.getByTestId("accept-by-provisional")).toHaveText(a.provisional.mark);
    await expect(next).toContainText(a.provisional.why.replace("{{year}}", "2027"));
  }
});
