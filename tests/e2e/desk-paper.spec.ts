import { createClient } from "@libsql/client";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInStaff, type Script } from "@/tests/e2e/helpers";
import { pdfText, PT_PER_MM, readPdf } from "@/tests/e2e/pdf";

// The help desk's paper (受理回执, 一次性告知书) printed through Chromium's own PDF output, in both
// layouts, then read back: the reference, the tracking code and the QR code must be on it. The code
// then shows the status on the public tracking page, and nothing personal.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };

/** The seeded application in 补正 (LZ2026-000004-…): its id and reference, from the e2e database. */
async function seededCorrectionCase(): Promise<{ id: string; reference: string }> {
  const file = (process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").replace(/^file:/, "");
  const db = createClient({ url: `file:${path.resolve(file)}` });
  try {
    const r = await db.execute("SELECT id, reference FROM Application WHERE reference LIKE 'LZ2026-000004-%'");
    return { id: String(r.rows[0].id), reference: String(r.rows[0].reference) };
  } finally {
    db.close();
  }
}

async function printPdf(page: Page) {
  return readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

for (const lng of scripts) {
  test.describe(`help desk paper (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("the 受理回执 prints on A4 and on an 80 mm roll with the reference, the new tracking code and a QR code to the tracking page; the code shows the status", async ({ page, browser, baseURL }) => {
      const t = desk[lng];
      const app = await seededCorrectionCase();
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));

      await page.goto(`/${lng}/desk/applications/${app.id}/receipt?paper=a4`);
      await expect(page.getByTestId("receipt-reference")).toHaveText(app.reference);
      await expect(page.getByTestId("receipt-desk")).toContainText("0772-0000000");
      await page.getByTestId("issue-code").click();
      const code = (await page.getByTestId("tracking-code").innerText()).trim();
      expect(code).toMatch(/^\d{4} \d{4}$/);

      const trackUrl = `${baseURL}/${lng}/track?ref=${app.reference}`;
      const a4 = await printPdf(page);
      expect(a4.text).toContain(app.reference);
      expect(a4.text).toContain(code.replace(" ", ""));
      expect(a4.text).toContain(pdfText(t.receipt.title));
      expect(a4.text).not.toContain(pdfText(t.paper.issueCode)); // the button stays off the paper
      expect(a4.qrCodes).toEqual([trackUrl]);
      expect(a4.links).toContain(trackUrl);
      expect(Math.round(a4.width / PT_PER_MM)).toBe(210);
      expect(Math.round(a4.height / PT_PER_MM)).toBe(297);

      // The 80 mm layout keeps the code just issued (a new one comes only from the button).
      await page.getByTestId("paper-roll").click();
      await expect(page.getByTestId("receipt")).toHaveAttribute("data-paper", "roll");
      await expect(page.getByTestId("tracking-code")).toHaveText(code);
      const roll = await printPdf(page);
      expect(roll.text).toContain(app.reference);
      expect(roll.text).toContain(code.replace(" ", ""));
      expect(roll.qrCodes).toEqual([trackUrl]);
      expect(Math.round(roll.width / PT_PER_MM)).toBe(80);

      // Printing a new receipt issues a new code; the one on the first receipt stops working.
      await page.getByTestId("issue-code").click();
      await expect(page.getByTestId("tracking-code")).not.toHaveText(code);
      const newCode = (await page.getByTestId("tracking-code").innerText()).trim();

      // The applicant (no session, another browser) follows the QR code and types the code from the latest receipt.
      const visitor = await browser.newContext({ baseURL });
      const phone = await visitor.newPage();
      await phone.goto(roll.qrCodes[0]);
      await expect(phone.getByLabel(t.track.reference)).toHaveValue(app.reference);
      await phone.getByLabel(t.track.code).fill(code);
      await phone.getByTestId("track-submit").click();
      await expect(phone.getByTestId("track-error")).toHaveText(t.track.noMatch);
      await phone.getByLabel(t.track.code).fill(newCode);
      await phone.getByTestId("track-submit").click();
      await expect(phone.getByTestId("track-result")).toBeVisible();
      await expect(phone.getByTestId("track-reference")).toHaveText(app.reference);
      await expect(phone.getByTestId("track-step-review")).toHaveAttribute("data-state", "current");
      await expect(phone.getByTestId("track-owed")).toContainText(t.documents.bills.name);
      // Status only: the applicant's name is not on the page.
      await expect(phone.getByTestId("track-result")).not.toContainText("演示用户");
      await visitor.close();
    });

    test("the 一次性告知书 lists every missing document with where to get it and the due date, on A4 and 80 mm", async ({ page }) => {
      const t = desk[lng];
      const app = await seededCorrectionCase();
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      for (const paper of ["a4", "roll"] as const) {
        await page.goto(`/${lng}/desk/applications/${app.id}/notice?paper=${paper}`);
        await expect(page.getByTestId("notice-doc-bills")).toContainText(t.documents.bills.where);
        const pdf = await printPdf(page);
        expect(pdf.text).toContain(app.reference);
        expect(pdf.text).toContain(pdfText(t.notice.title));
        expect(pdf.text).toContain(pdfText(t.documents.bills.name));
        expect(pdf.text).toContain(pdfText(t.documents.bills.where));
        expect(Math.round(pdf.width / PT_PER_MM)).toBe(paper === "a4" ? 210 : 80);
      }
    });

    test("staff of another area cannot print an application's paper (it answers as not found)", async ({ page }) => {
      const app = await seededCorrectionCase();
      await signInStaff(page, lng, "case02");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      for (const kind of ["receipt", "notice"]) {
        const response = await page.goto(`/${lng}/desk/applications/${app.id}/${kind}`);
        expect(response?.status()).toBe(404);
        await expect(page.getByTestId("receipt")).toHaveCount(0);
      }
    });
  });
}
