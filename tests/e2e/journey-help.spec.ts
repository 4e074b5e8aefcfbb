import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, useLargeText } from "@/tests/e2e/flow-helpers";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInCitizen, signInStaff, text, type Script } from "@/tests/e2e/helpers";

/**
 * Issue 14, what a parent expects and does not find: who to call (help lines and the office, on the
 * results, the application and 进度), preview and delete of uploaded pages before submit, the staff
 * queue's urgency; and 390×844 screenshots in 长辈版 under reports/screenshots/ for a person to look at.
 */

const SLIP = "mode=bill&policy=shenyang-2023&insurance=resident&cat=dibao&cat=student&age=9&total=80000&basic=40000&critical=14000";
const SCREENER = "policy=shenyang-2023&who=pupil&age=9&insurance=resident&enrolled=yes&cert=dibao&costs=yes&union=no&urgent=no";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const SHOTS = "reports/screenshots";

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.101.${(testInfo.line * 11 + testInfo.repeatEachIndex) % 250}` });
});

async function signIn(page: Page, lng: Script, phone: string) {
  await page.context().clearCookies();
  await forgetRateLimits();
  await signInCitizen(page, lng, phone);
  await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
}

async function heightOf(target: Locator): Promise<number> {
  return (await target.boundingBox())?.height ?? 0;
}

/** The who-to-call block: 12393 and 12345 to tap, the office to go to (no number invented), its sources. */
async function expectWhoToCall(page: Page, lng: Script, large: boolean) {
  const c = text[lng].common.contacts;
  const block = page.getByTestId("who-to-call");
  await expect(block.getByRole("heading", { name: c.heading })).toBeVisible();
  const insurance = block.getByTestId("call-medical-insurance-hotline");
  await expect(insurance).toHaveAttribute("href", "tel:12393");
  await expect(insurance).toHaveAccessibleName(new RegExp(`12393.*${c.entries["medical-insurance-hotline"].name}`));
  await expect(block.getByTestId("call-government-hotline")).toHaveAttribute("href", "tel:12345");
  const office = block.getByTestId("contact-civil-affairs-office");
  await expect(office).toContainText(c.entries["civil-affairs-office"].what);
  await expect(office.locator("a[href^='tel:']")).toHaveCount(0);
  await expect(office).toContainText(c.noPhone);
  await expect(block).toContainText(c.source.replace("{{document}}", c.documents["nhsa-12393"]));
  if (large) {
    for (const link of await block.locator("a[href^='tel:']").all()) expect(await heightOf(link), "a call link in 长辈版").toBeGreaterThanOrEqual(60);
  }
}

for (const [index, lng] of scripts.entries()) {
  test.describe(lng, () => {
    for (const large of [false, true]) {
      test(`who to call${large ? " (长辈版)" : ""}: the help lines and the 乡镇（街道）民政办 on the screener results, the estimate result, the application and 进度`, async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        if (large) await useLargeText(page, baseURL);
        await page.goto(`/${lng}/eligibility/results?${SCREENER}`);
        await expectWhoToCall(page, lng, large);
        await page.goto(`/${lng}/estimate/result?${SLIP}`);
        await expect(page.getByTestId("personal")).toBeVisible();
        await expectWhoToCall(page, lng, large);
        await expectAccessible(page, `${lng} estimate result with who to call`);

        // The demo's paid 沈阳 application (13800000003).
        await signIn(page, lng, "13800000003");
        if (large) await useLargeText(page, baseURL);
        await page.goto(`/${lng}/apply`);
        await expectWhoToCall(page, lng, large);
        await page.goto(`/${lng}/progress`);
        await page.getByTestId("application-list").locator("a").first().click();
        await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.paid);
        await expectWhoToCall(page, lng, large);
        await expectAccessible(page, `${lng} 进度 with who to call`);
        if (large) {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.getByTestId("who-to-call").screenshot({ path: `${SHOTS}/who-to-call-progress-${lng}-large.png` });
        }
      });
    }

    test("uploaded pages before submit: a thumbnail of each, delete asks first (keyboard), cancel keeps it, confirm removes it (长辈版 targets)", async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      const d = text[lng].apply.documents;
      await signIn(page, lng, `13902${String(Date.now() % 100_000).padStart(5, "0")}${index}`);
      await useLargeText(page, baseURL);
      await page.goto(`/${lng}/apply/documents`);
      for (const name of ["front.png", "back.png"]) {
        await page.getByTestId("upload-applicant-id").locator('input[type="file"]').setInputFiles({ name, mimeType: "image/png", buffer: PNG });
        await page.getByTestId("upload-applicant-id").getByRole("button", { name: d.upload, exact: true }).click();
        await expect(page.getByTestId("upload-ok")).toBeVisible();
      }
      const pages = page.getByTestId("pages-applicant-id").getByTestId("page");
      await expect(pages).toHaveCount(2);
      const first = d.pageAlt.replace("{{doc}}", d.types["applicant-id"]).replace("{{page}}", "1");
      const thumb = page.getByRole("img", { name: first });
      await expect(thumb).toBeVisible();
      // The thumbnail is the page itself, decrypted for its owner: it loads.
      expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const remove = pages.first().getByTestId("delete-page");
      await expect(remove).toHaveAccessibleName(new RegExp(`^${d.delete}\\s*${first.replace(/[()（）]/g, ".")}$`));
      expect(await heightOf(remove), "delete in 长辈版").toBeGreaterThanOrEqual(60);
      await expectAccessible(page, `${lng} documents with previews`);

      // Keyboard: focus the delete link, Enter; the question names the page; cancel keeps both.
      await remove.focus();
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("alert").filter({ has: page.getByTestId("confirm-delete") });
      await expect(confirm).toContainText(d.deleteConfirm.replace("{{doc}}", d.types["applicant-id"]).replace("{{page}}", "1"));
      expect(await heightOf(page.getByTestId("confirm-delete")), "confirm in 长辈版").toBeGreaterThanOrEqual(60);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/documents-delete-confirm-${lng}-large.png` });
      await page.getByTestId("cancel-delete").click();
      await expect(page.getByTestId("remove-confirm")).toHaveCount(0);
      await expect(pages).toHaveCount(2);

      const deletedHref = await pages.first().locator("a").first().getAttribute("href");
      await pages.first().getByTestId("delete-page").click();
      await page.getByTestId("confirm-delete").focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("delete-ok")).toContainText(d.deletedOne.replace("{{doc}}", d.types["applicant-id"]));
      await expect(pages).toHaveCount(1);
      await expect(page.getByTestId("doc-applicant-id")).toContainText(d.uploadedCount.replace("{{count}}", "1"));
      // The deleted page is gone for good: its address answers 404; the other page is still there.
      expect((await page.request.get(deletedHref!)).status()).toBe(404);
      const left = await pages.first().locator("a").first().getAttribute("href");
      expect((await page.request.get(left!)).status()).toBe(200);
    });

    test("without JavaScript, a page is deleted the same way (a link to the question, a plain form to confirm)", async ({ page, browser, baseURL }) => {
      test.setTimeout(120_000);
      const d = text[lng].apply.documents;
      await signIn(page, lng, `13903${String(Date.now() % 100_000).padStart(5, "0")}${index}`);
      await page.goto(`/${lng}/apply/documents`);
      await page.getByTestId("upload-applicant-id").locator('input[type="file"]').setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
      await page.getByTestId("upload-applicant-id").getByRole("button", { name: d.upload, exact: true }).click();
      await expect(page.getByTestId("pages-applicant-id").getByTestId("page")).toHaveCount(1);
      const documentHref = await page.getByTestId("pages-applicant-id").locator("a").first().getAttribute("href");

      const plain = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
      const noJs = await plain.newPage();
      await noJs.goto(`/${lng}/apply/documents`);
      await noJs.getByTestId("delete-page").click();
      await expect(noJs.getByTestId("remove-confirm")).toBeVisible();
      await noJs.getByTestId("confirm-delete").click();
      await expect(noJs.getByTestId("delete-ok")).toBeVisible();
      await expect(noJs.getByTestId("pages-applicant-id")).toHaveCount(0);
      await plain.close();
      expect((await page.request.get(documentHref!)).status()).toBe(404);
    });

    test("the staff queue shows the applicant (masked), the relief type and how soon help is needed", async ({ page }) => {
      const k = text[lng].console.queue;
      await signInStaff(page, lng, "case01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      const item = page.getByTestId("application-list").locator("li").first();
      await expect(item.getByTestId("queue-applicant")).toContainText(k.applicant.replace("{{name}}", ""));
      await expect(item.getByTestId("queue-applicant")).toContainText("*");
      await expect(item.getByTestId("queue-applicant")).toContainText(text[lng].apply.options.reliefType.expense);
      // The seed's applicants said "一个月内".
      await expect(item.getByTestId("queue-urgency")).toHaveText(k.urgencyLabel.replace("{{urgency}}", k.urgency["this-month"]));
    });

    test("screenshots at 390×844 in 长辈版: the estimate result, 检查并提交, 进度 after 发放 and the home page", async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      fs.mkdirSync(SHOTS, { recursive: true });
      // The phone's first screen, and the whole page beside it (-full) for what lies below the fold.
      const shot = async (name: string) => {
        await page.screenshot({ path: `${SHOTS}/${name}-${lng}-large.png` });
        await page.screenshot({ path: `${SHOTS}/${name}-${lng}-large-full.png`, fullPage: true });
      };
      await useLargeText(page, baseURL);
      expect(page.viewportSize()).toEqual({ width: 390, height: 844 });

      await page.goto(`/${lng}`);
      await expect(page.locator("html")).toHaveClass(/large-text/);
      await expect(page.getByTestId("tile-apply")).toBeVisible();
      await shot("home");

      await page.goto(`/${lng}/estimate/result?${SLIP}`);
      await expect(page.getByTestId("personal")).toHaveText(text[lng].estimate.result.approx.replace("{{amount}}", "¥7,800"));
      await shot("estimate-result");

      const applyHref = await page.getByTestId("estimate-to-apply").getAttribute("href");
      await signIn(page, lng, `13904${String(Date.now() % 100_000).padStart(5, "0")}${index}`);
      await useLargeText(page, baseURL);
      await page.goto(applyHref!);
      const a = text[lng].apply;
      await page.goto(`/${lng}/apply/illness`);
      await page.getByLabel(a.fields.illness.diagnosis).fill("急性淋巴细胞白血病");
      await page.getByLabel(a.fields.illness.hospital).fill("中国医科大学附属盛京医院");
      await page.getByTestId("save-section").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/apply(#.*)?$`));
      await page.goto(`/${lng}/apply/review`);
      await expect(page.getByTestId("review-summary")).toContainText("¥54,000.00");
      // The money rows on the first screen: what a parent checks before submitting.
      await page.getByTestId("review-summary").getByText("¥54,000.00").scrollIntoViewIfNeeded();
      await shot("application-review");

      await signIn(page, lng, "13800000003");
      await useLargeText(page, baseURL);
      await page.goto(`/${lng}/progress`);
      await page.getByTestId("application-list").locator("a").first().click();
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.paid);
      await expect(page.getByTestId("now")).toContainText("¥3,965.00");
      await shot("progress-paid");
    });
  });
}
