import { readQrScreenshot } from "@/tests/e2e/pdf";
import { expect, test } from "@playwright/test";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import hans from "@/locales/zh-Hans/school.json";
import hant from "@/locales/zh-Hant/school.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { readCodeFromOutbox, scripts, signInStaff, text } from "@/tests/e2e/helpers";

// The 资助参保 list and the parents' side, as people would use them: 沈阳's caseworker imports the list, the
// demo class teacher (一年级 1班) sees "无需缴费" with no reason and prints the class QR sheet; a parent scans a
// code on their phone, with no account, and uploads the payment receipt.

const texts = { "zh-Hans": hans, "zh-Hant": hant } as const;
const TEACHER_PHONE = "13900000009";

/** The demo roster's pupil i (lib/schools/demo-seed.ts): name and ID number. 一年级 1班 holds 0, 4, 8, 12, 16, 20. */
const DEMO_NAMES = "张子涵 李欣怡 王梓萱 刘浩宇 陈雨桐 杨宇轩 赵一诺 黄思远 周嘉怡 吴俊杰 徐子墨 孙诗涵 胡梓豪 朱雨萱 高浩然 林欣妍 何子轩 郭一涵 马思彤 罗宇航 梁欣然 宋子豪 郑雨涵 谢浩轩".split(" ");
function demoPupil(i: number): { masked: string; idNumber: string } {
  const grade = (i % 2) + 1;
  const first17 = `210102${2021 - grade}0${(i % 9) + 1}1${i % 10}9${String(i).padStart(2, "0")}`;
  const name = DEMO_NAMES[i];
  return { masked: `${name[0]}*${name[2]}`, idNumber: first17 + idNumberCheckCharacter(first17) };
}

/** The demo class 一年级 1班 (pupils 0, 4, 8, 12, 16, 20), by masked name. */
const DEMO_CLASS = [0, 4, 8, 12, 16, 20].map(demoPupil);

// A whole PNG (1×1): the parent's screenshot of the payment page.
const RECEIPT_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

for (const lng of scripts) {
  test.describe(`school parents (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("the caseworker imports the funding list; the teacher sees 无需缴费 without a reason, prints the QR sheet; a parent scans a code and uploads the receipt; the school's reconciliation confirms it", async ({ page, browser, baseURL }) => {
      const t = texts[lng];

      // The class teacher on their phone: which demo pupils still owe (the seed's statuses vary by row order).
      const teacher = await (await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" })).newPage();
      await teacher.goto(`/${lng}/school/teacher-login`);
      await teacher.getByLabel(text[lng].auth.citizen.phoneLabel).fill(TEACHER_PHONE);
      await teacher.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
      const code = await readCodeFromOutbox(teacher, lng, TEACHER_PHONE);
      await teacher.getByLabel(text[lng].auth.citizen.codeLabel).fill(code);
      await teacher.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
      await expect(teacher).toHaveURL(new RegExp(`/${lng}/school/class$`));
      await expect(teacher.getByTestId("class-roster")).toBeVisible();
      const rows = await teacher.getByTestId("class-pupil").evaluateAll((els) => els.map((el) => ({ name: el.querySelector("span")?.textContent ?? "", status: el.querySelector("[data-status]")?.getAttribute("data-status") ?? "" })));
      const owing = DEMO_CLASS.filter((p) => rows.filter((r) => r.name === p.masked).length === 1 && rows.find((r) => r.name === p.masked)?.status === "unpaid");
      expect(owing.length, "two demo pupils still unpaid").toBeGreaterThanOrEqual(2);
      const [funded, paying] = owing;

      // 沈阳's caseworker: a list with a bad row is refused whole, in words; the fixed list imports and matches.
      await signInStaff(page, lng, "case02");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      await page.getByTestId("funding-link").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff/funding$`));
      const header = "身份证号,资助类别,有效期起,有效期止";
      // 特困 funds all of the contribution; 低保 a fixed part (沈阳 pack: 400 − 280 = ¥120.00 still to pay).
      const good = `${funded.idNumber},特困,2027-01-01,2027-12-31\r\n${paying.idNumber},低保,2027-01-01,2027-12-31`;
      await page.getByTestId("funding-file").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${good}\r\n123,特困,2027-01-01,2027-12-31\r\n`) });
      await page.getByTestId("funding-upload").click();
      await expect(page.getByTestId("funding-problem")).toHaveCount(1);
      await expect(page.getByTestId("funding-problems")).toContainText(t.funding.problem["id-number"]);
      await page.getByTestId("funding-file").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${good}\r\n`) });
      await page.getByTestId("funding-upload").click();
      await expect(page.getByTestId("funding-imported")).toBeVisible();
      await expect(page.getByTestId("funding-matched")).toHaveText(t.funding.matched.replace("{{count}}", "2"));
      // Imported again: nothing new, nothing moved.
      await page.getByTestId("funding-file").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${good}\r\n`) });
      await page.getByTestId("funding-upload").click();
      await expect(page.getByTestId("funding-matched")).toHaveText(t.funding.matched.replace("{{count}}", "0"));

      // The school admin is told before anyone asks the family for money.
      const admin = await (await browser.newContext({ baseURL })).newPage();
      await signInStaff(admin, lng, "school01");
      await expect(admin).toHaveURL(new RegExp(`/${lng}/staff$`));
      await admin.goto(`/${lng}/school`);
      await expect(admin.getByTestId("funded-notice")).toBeVisible();
      await admin.context().close();

      await teacher.reload();
      const fundedRow = teacher.getByTestId("class-pupil").filter({ hasText: funded.masked }).first();
      await expect(fundedRow.getByTestId("class-pupil-status")).toHaveText(t.status.funded);
      // The partly funded pupil: the amount still to pay, never why.
      const partDue = t.partFunded.due.replace("{{amount}}", "¥120.00");
      await expect(teacher.getByTestId("class-pupil").filter({ hasText: paying.masked }).first().getByTestId("class-pupil-status")).toHaveText(partDue);
      await expect(teacher.getByTestId("class-roster")).not.toContainText(/低保|特困|孤儿/);
      const pupils = await teacher.getByTestId("class-pupil").count();

      // The QR sheet: one code per pupil of the class, each leading to that pupil's page.
      await teacher.getByTestId("to-qr-sheet").click();
      await expect(teacher).toHaveURL(new RegExp(`/${lng}/school/qr-sheet`));
      await expect(teacher.getByTestId("qr-card")).toHaveCount(pupils);
      await expect(teacher.getByTestId("pupil-qr")).toHaveCount(pupils);
      // The code as a camera sees it: a full-page capture of its box (the sticky top bar stays at the page's top).
      const card = teacher.getByTestId("qr-card").filter({ hasText: paying.masked }).first();
      await teacher.evaluate(() => window.scrollTo(0, 0));
      const box = (await card.getByTestId("pupil-qr").boundingBox())!;
      const url = await readQrScreenshot(await teacher.screenshot({ fullPage: true, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } }));
      expect(url).toMatch(new RegExp(`/${lng}/school/p/[A-Za-z0-9_-]{24}$`));
      expect(await card.getByTestId("qr-card-link").getAttribute("href")).toBe(url);
      const pdf = await teacher.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(1000);

      // A parent: no account, their own phone, 长辈版 on.
      const parentContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" });
      await parentContext.addCookies([{ name: "yz_large_text", value: "1", url: baseURL! }]);
      const parent = await parentContext.newPage();
      await parent.goto(url);
      await expect(parent.getByTestId("parent-pupil")).toContainText(paying.masked);
      await expect(parent.getByTestId("parent-status")).toHaveText(partDue);
      await expect(parent.getByTestId("parent-pay-amount")).toContainText("¥120.00");
      await expect(parent.locator("main")).not.toContainText(/低保|特困|孤儿/);
      await expect(parent.getByTestId("parent-days-left")).toBeVisible();
      await expect(parent.getByTestId("parent-pay")).toBeVisible();
      // The payment steps: text and our own drawing for each, its alt text in the page's script, inside the 390 px screen.
      const steps = t.parent.paySteps;
      await expect(parent.getByTestId("pay-step")).toHaveCount(steps.length);
      await expect(parent.getByTestId("pay-step-picture")).toHaveCount(steps.length);
      for (const [i, step] of steps.entries()) {
        const item = parent.getByTestId("pay-step").nth(i);
        await expect(item).toContainText(step.text.replace("{{year}}", "2027"));
        const picture = item.getByRole("img", { name: step.alt });
        await picture.scrollIntoViewIfNeeded();
        await expect(picture).toBeVisible();
        const b = (await picture.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(390);
        // 长辈版 draws it larger with the text (8.5rem at 20 px).
        expect(b.width).toBeGreaterThanOrEqual(160);
      }
      expect(await parent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expect(parent.getByTestId("parent-estimate-link")).toHaveAttribute("href", `/${lng}/estimate`);
      await parent.getByTestId("receipt-file").setInputFiles({ name: "缴费截图.png", mimeType: "image/png", buffer: RECEIPT_PNG });
      await parent.getByTestId("receipt-upload").click();
      await expect(parent.getByTestId("parent-uploaded")).toBeVisible();
      await expect(parent.getByTestId("parent-status")).toContainText(t.status["paid-unverified"]);

      // The teacher's list shows it waiting for the school's check.
      await teacher.goto(`/${lng}/school/class`);
      await expect(teacher.getByTestId("class-pupil").filter({ hasText: paying.masked }).first().getByTestId("class-pupil-status")).toContainText(t.status["paid-unverified"]);

      // The school reconciles the 税务 return file: the pupil the parent paid for is confirmed, and the parent's page says so.
      const school = await (await browser.newContext({ baseURL })).newPage();
      await signInStaff(school, lng, "school01");
      await expect(school).toHaveURL(new RegExp(`/${lng}/staff$`));
      await school.goto(`/${lng}/school/reconcile`);
      const returnFile = `缴费人证件号码,缴费状态,缴费日期\n${paying.idNumber},已缴费,2026-11-20\n`;
      await school.getByTestId("return-file").setInputFiles({ name: "回盘.csv", mimeType: "text/csv", buffer: Buffer.from(returnFile) });
      await school.getByTestId("return-upload").click();
      await expect(school.getByTestId("conflict")).toHaveCount(0);
      await school.getByTestId("reconcile-commit").click();
      await school.waitForURL(`**/${lng}/school/unpaid?reconciled=1**`);
      await school.context().close();
      await parent.reload();
      await expect(parent.getByTestId("parent-status")).toHaveText(t.status.enrolled);

      // A made-up link opens nothing.
      await parent.goto(`/${lng}/school/p/${"x".repeat(24)}`);
      await expect(parent.getByTestId("parent-link-invalid")).toHaveText(t.parent.invalid);
      await parentContext.close();
      await teacher.context().close();
    });
  });
}
