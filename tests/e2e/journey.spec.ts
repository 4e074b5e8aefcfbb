import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "@/tests/e2e/flow-helpers";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { copySeededApplication } from "@/tests/e2e/provisional-db";
import { scripts, signInCitizen, text, type Script } from "@/tests/e2e/helpers";

/**
 * Issue 14, as a parent walks it: a 9-year-old in 沈阳, a 低保 family, a leukaemia stay. What was said in 查资格 and
 * what the slip says carry into the application; only money received is carried; the estimate's headline says it
 * rests on assumed values; 进度 after 发放 says what was paid and where.
 */

// The slip: 总费用 ¥80,000, 基本医保 ¥40,000, 大病保险 ¥14,000 paid; 医疗救助 not settled yet (the module estimates ¥18,200).
const SLIP = "mode=bill&policy=shenyang-2023&insurance=resident&cat=dibao&cat=student&age=9&total=80000&basic=40000&critical=14000";
const SCREENER = "policy=shenyang-2023&who=pupil&age=9&insurance=resident&enrolled=yes&cert=dibao&costs=yes&union=no&urgent=no";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}

async function signIn(page: Page, lng: Script, phone: string) {
  await page.context().clearCookies();
  await forgetRateLimits();
  await signInCitizen(page, lng, phone);
  await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
}

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(testInfo.line * 7) % 250}` });
});

for (const [index, lng] of scripts.entries()) {
  test.describe(lng, () => {
    test("沈阳 低保 pupil: the estimate reads 约 ¥7,800 with the assumed values behind it; 查资格 and the slip pre-fill the application; only the slip's ¥54,000 is carried as 已报销 and shown on 检查并提交", async ({ page }) => {
      test.setTimeout(120_000);
      const e = text[lng].estimate.result;
      const a = text[lng].apply;

      await page.goto(`/${lng}/estimate/result?${SLIP}`);
      // Never a bare figure to the fen when 医疗救助 rests on assumed values (70 %, ¥20,000 参照盘锦).
      await expect(page.getByTestId("personal")).toHaveText(e.approx.replace("{{amount}}", "¥7,800"));
      const caveat = page.getByTestId("headline-caveat");
      await expect(caveat).toContainText(e.headlineCaveat.replace("{{layers}}", lng === "zh-Hans" ? "医疗救助" : "醫療救助"));
      await page.getByTestId("headline-assumptions").locator("summary").click();
      await expect(page.getByTestId("headline-assumptions")).toContainText("70%");
      await expect(page.getByTestId("layer-assistance-paid")).toHaveText("¥18,200.00");
      await expectAccessible(page, `${lng} estimate result with assumed values`);
      await shot(page, `estimate-result-${lng}`);
      const applyHref = await page.getByTestId("estimate-to-apply").getAttribute("href");
      expect(applyHref).toContain("reimbursed=54000.00");

      // 查资格 first: place, who is ill, 低保.
      // A new applicant each run: a saved illness section is never pre-filled again.
      await signIn(page, lng, `13901${String(Date.now() % 100_000).padStart(5, "0")}${index}`);
      await page.goto(`/${lng}/eligibility/results?${SCREENER}`);
      await page.getByTestId("to-apply").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/apply\\?prefilled=eligibility$`));
      // What to prepare, for these answers (a child patient, 低保), on the first page; and a way back.
      const prepare = page.getByTestId("prepare");
      for (const doc of ["patient-id", "relationship-proof", "certification"] as const) await expect(prepare).toContainText(a.documents.types[doc]);
      await expect(page.getByTestId("back")).toHaveAttribute("href", `/${lng}/services`);
      await page.goto(`/${lng}/apply/applicant`);
      await expect(page.getByLabel(a.fields.applicant.areaCode)).toHaveValue("210100");
      await expect(page.locator("#f-areaCode-hint")).toContainText(a.prefilledFrom.eligibility.applicant.areaCode);
      await page.goto(`/${lng}/apply/patient`);
      await expect(page.getByLabel(a.options.relationship.child, { exact: true })).toBeChecked();
      await page.goto(`/${lng}/apply/household`);
      await expect(page.getByLabel(a.options.certifications.dibao, { exact: true })).toBeChecked();
      await expect(page.getByTestId("prefilled-notice")).toBeVisible();

      // Then the estimate's link: the bill and what the slip says was paid, never the estimated 医疗救助.
      await page.goto(applyHref!);
      await expect(page).toHaveURL(new RegExp(`/${lng}/apply\\?prefilled=1$`));
      await page.goto(`/${lng}/apply/illness`);
      await expect(page.getByLabel(a.fields.illness.totalCost)).toHaveValue("80000.00");
      await expect(page.getByLabel(a.fields.illness.reimbursed)).toHaveValue("54000.00");
      await expect(page.locator("#f-reimbursed-hint")).toContainText(a.prefilledFrom.estimate.illness.reimbursed);
      await expectAccessible(page, `${lng} illness section pre-filled`);
      await page.getByLabel(a.fields.illness.diagnosis).fill("急性淋巴细胞白血病");
      await page.getByLabel(a.fields.illness.hospital).fill("中国医科大学附属盛京医院");
      await page.getByTestId("save-section").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/apply(#.*)?$`));

      await page.goto(`/${lng}/apply/review`);
      const summary = page.getByTestId("review-summary");
      await expect(summary).toContainText(a.fields.illness.reimbursed);
      await expect(summary).toContainText("¥54,000.00");
      await expect(summary).not.toContainText("¥72,200.00");
      await expect(summary).toContainText(a.review.documentsCount.replace("{{count}}", "0"));
      await shot(page, `application-review-${lng}`);
    });

    test("the resend countdown starts at 60", async ({ page }) => {
      await forgetRateLimits();
      await page.goto(`/${lng}/login`);
      await page.getByLabel(text[lng].auth.citizen.phoneLabel).fill(`1390001${3200 + index}`);
      await page.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
      const resend = page.getByRole("button", { name: new RegExp(text[lng].auth.citizen.resendIn.replace("{{seconds}}", "\\d+")) });
      await expect(resend).toBeVisible();
      const seconds = Number((await resend.innerText()).match(/\d+/)![0]);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(seconds).toBeGreaterThanOrEqual(58);
    });

    test("进度 after 发放 says how much was paid, when and to which account (masked); 公示 is explained before it happens; owed documents can be handed in from 进度", async ({ page }) => {
      const a = text[lng].apply;
      // The demo's paid application in 沈阳 (LN… 000001, 13800000003): ¥3,965 paid on 2026-09-25.
      await signIn(page, lng, "13800000003");
      await page.goto(`/${lng}/progress`);
      await page.getByTestId("application-list").locator("a").first().click();
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.paid);
      const now = page.getByTestId("now");
      await expect(now).toContainText("¥3,965.00");
      await expect(now).toContainText("2026年9月25日");
      await expect(now).toContainText("****");
      await expect(now).not.toContainText("6222020000000000000");
      await expect(page.getByTestId("todo")).not.toContainText(lng === "zh-Hans" ? "请等待经办机构办理" : "請等待經辦機構辦理");
      await expect(page.getByTestId("publicity-explained")).toHaveCount(0);
      await expectAccessible(page, `${lng} progress after payment`);
      await shot(page, `progress-paid-${lng}`);

      // A case still in review (13800000002, 鹿寨): 公示 explained ahead — what is posted and what is not, how long.
      await signIn(page, lng, "13800000002");
      await page.goto(`/${lng}/progress`);
      await page.getByTestId("application-list").locator("a").filter({ hasText: text[lng].common.status.reviewing }).first().click();
      const publicity = page.getByTestId("publicity-explained");
      await expect(publicity).toContainText(a.publicity.shown);
      await expect(publicity).toContainText(a.publicity.notShown);
      await expect(publicity).toContainText(a.publicity.object);
      await expect(page.getByTestId("now")).toContainText(a.track.now.reviewing);

      // Its 户口簿 was declared "to follow": owed now, with the date, and handed in from 进度 without waiting for 补正.
      const { id } = await copySeededApplication("LZ2026-000003");
      await page.goto(`/${lng}/progress/${id}`);
      await expect(page.getByTestId("owed")).toContainText(a.documents.types["household-register"]);
      await expect(page.getByTestId("owed-intro")).toContainText(a.track.toFollow);
      await expect(page.getByTestId("owed-intro")).toContainText(a.track.toFollowDue.split("{{date}}")[1]);
      await page.getByTestId("upload-household-register").locator('input[type="file"]').setInputFiles({ name: "hukou.png", mimeType: "image/png", buffer: PNG });
      await page.getByTestId("upload-household-register").getByRole("button", { name: a.documents.upload, exact: true }).click();
      await expect(page.getByTestId("upload-ok")).toBeVisible();
      await page.getByTestId("hand-in").click();
      await expect(page.getByTestId("owed")).toHaveCount(0);
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.reviewing);
      await expect(page.getByTestId("history")).toContainText(text[lng].console.actions["hand-in-documents"]);
    });
  });
}
