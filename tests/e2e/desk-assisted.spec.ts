import { createClient } from "@libsql/client";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInStaff, text, type Script, withCheckDigit } from "@/tests/e2e/helpers";
import { readPdf } from "@/tests/e2e/pdf";
import { screenerInFrame } from "@/tests/e2e/desk-frame";

// 窗口帮办 from start to paper: an elderly applicant without a phone is helped at desk01's window. Consent
// first, 查资格 run with him in the session's assisted frame, then the citizen's own application sections filled in by the worker (each answer marked as the
// worker's or the applicant's), the summary read back and confirmed, submitted, the 受理回执 printed with the
// reference and a QR code to the tracking page, and the status looked up on /track with the tracking code:
// the timeline says a desk helped, and which one, with nothing personal.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };
const DESK_NAME = { "zh-Hans": "鹿寨县鹿寨镇社会救助综合窗口（演示）", "zh-Hant": "鹿寨縣鹿寨鎮社會救助綜合窗口（演示）" };
// Fake but well-formed ID numbers (check digit computed), one per script so the runs do not meet.
const ELDER_IDS = { "zh-Hans": "45022319400612002", "zh-Hant": "45022319391103004" };


/** The seeded elder's desk-submitted application (prisma/seed-desk.ts): its reference, from the e2e database. */
async function seededElderReference(): Promise<string> {
  const file = (process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").replace(/^file:/, "");
  const db = createClient({ url: `file:${path.resolve(file)}` });
  try {
    const r = await db.execute("SELECT reference FROM Application WHERE deskSessionId = 'seed-desk-session-0'");
    return String(r.rows[0].reference);
  } finally {
    db.close();
  }
}

/** Open a section from the assisted task list, fill it, tick the answers the applicant gave, save. */
async function section(page: Page, lng: Script, id: string, fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void>, byApplicant: string[] = []) {
  const a = text[lng].apply;
  await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections[id as keyof typeof a.sections].title) }).click();
  await expect(page.getByTestId("assisted-frame")).toBeVisible();
  const form = page.getByTestId("section-form");
  await fill(form);
  for (const field of byApplicant) await page.getByTestId(`by-applicant-${field}`).check();
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId(`status-${id}`)).toHaveText(a.taskList.completed);
}

for (const lng of scripts) {
  test.describe(`help desk assisted application (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("a no-phone elderly applicant: session, 查资格 with him, the assisted application, confirmed and submitted, receipt printed with reference and QR, status on /track", async ({ page, browser, baseURL }) => {
      test.setTimeout(180_000);
      const t = desk[lng];
      const a = text[lng].apply;
      const idNumber = withCheckDigit(ELDER_IDS[lng]);
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));

      // The session: registered without a phone, on the signed 授权书.
      await page.goto(`/${lng}/desk`);
      const newPerson = page.getByTestId("person-new");
      await newPerson.getByLabel(t.home.name).fill("覃阿公");
      await newPerson.getByLabel(t.home.idNumber).fill(idNumber);
      await newPerson.getByLabel(t.home.consent).check();
      await page.getByTestId("start-new").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/sessions/[a-z0-9]+$`));
      const sessionPath = new URL(page.url()).pathname;
      // 查资格 with him first, in the session's frame; its results lead into his assisted application.
      await screenerInFrame(page, lng, () => expect(page.getByTestId("frame-person")).toContainText("覃*公"));
      await page.getByTestId("to-apply").click();
      await expect(page).toHaveURL(new RegExp(`${sessionPath}/apply$`));
      await expect(page.getByTestId("session-person")).toHaveText("覃*公");

      // The applicant section starts from the session's person; no phone is fine; someone else's ID number is refused.
      await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.applicant.title) }).click();
      const form = page.getByTestId("section-form");
      await expect(form.getByLabel(a.fields.applicant.name, { exact: true })).toHaveValue("覃阿公");
      await expect(form.getByLabel(a.fields.applicant.idNumber, { exact: true })).toHaveValue(idNumber);
      await expect(form.getByLabel(a.fields.applicant.phone, { exact: true })).toHaveValue("");
      await form.getByLabel(a.fields.applicant.idNumber, { exact: true }).fill(withCheckDigit("45022319500101002"));
      await form.getByLabel(a.fields.applicant.address, { exact: true }).fill("鹿寨县某村 8 号");
      await page.getByTestId("by-applicant-name").check();
      await page.getByTestId("save-section").click();
      await expect(page.getByTestId("f-idNumber-error")).toHaveText(a.errors["not-session-person"]);
      await page.getByTestId("section-form").getByLabel(a.fields.applicant.idNumber, { exact: true }).fill(idNumber);
      await expect(page.getByTestId("by-applicant-name")).toBeChecked();
      await page.getByTestId("save-section").click();
      await expect(page.getByTestId("status-applicant")).toHaveText(a.taskList.completed);

      await section(page, lng, "patient", (f) => f.getByLabel(a.options.relationship.self, { exact: true }).check(), ["relationship"]);
      await section(page, lng, "household", async (f) => {
        await f.getByLabel(a.fields.household.size, { exact: true }).fill("1");
        await f.getByLabel(a.fields.household.monthlyIncome, { exact: true }).fill("600");
        await f.getByLabel(a.options.certifications.tekun, { exact: true }).check();
      });
      await section(page, lng, "illness", async (f) => {
        await f.getByLabel(a.fields.illness.diagnosis, { exact: true }).fill("股骨颈骨折");
        await f.getByLabel(a.fields.illness.hospital, { exact: true }).fill("鹿寨县人民医院");
        await f.getByLabel(a.fields.illness.totalCost, { exact: true }).fill("32000");
        await f.getByLabel(a.fields.illness.reimbursed, { exact: true }).fill("20000");
      });
      await section(
        page,
        lng,
        "reason",
        async (f) => {
          await f.getByLabel(a.options.reliefType.expense, { exact: true }).check();
          await f.getByLabel(a.options.urgency["this-week"], { exact: true }).check();
          await f.getByLabel(a.fields.reason.description, { exact: true }).fill("摔倒骨折做了手术，自付部分拿不出。");
        },
        ["description"],
      );
      await section(page, lng, "bank", async (f) => {
        await f.getByLabel(a.fields.bank.accountName, { exact: true }).fill("覃阿公");
        await f.getByLabel(a.fields.bank.bankName, { exact: true }).fill("农村信用社");
        await f.getByLabel(a.fields.bank.account, { exact: true }).fill("6228 4800 0000 0000 000");
      });
      await section(
        page,
        lng,
        "declarations",
        async (f) => {
          for (const name of ["truthful", "consentSensitive", "consentCheck"]) await f.locator(`input[name=${name}]`).check();
        },
        ["truthful", "consentSensitive", "consentCheck"],
      );
      // Documents: what was not brought today is marked "to follow" (it goes on the 一次性告知书).
      await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.documents.title) }).click();
      await expect(page.getByTestId("to-follow-bills")).toBeVisible();
      for (const box of await page.getByTestId("to-follow-form").getByRole("checkbox").all()) await box.check();
      await page.getByTestId("save-to-follow").click();
      await expect(page.getByTestId("status-documents")).toHaveText(a.taskList.completed);

      // The summary read back: who gave each answer; submit refused until the applicant's confirmation is ticked.
      await page.getByTestId("go-review").click();
      await expect(page.getByTestId("entered-by-applicant.name")).toHaveAttribute("data-by", "applicant");
      await expect(page.getByTestId("entered-by-applicant.idNumber")).toHaveAttribute("data-by", "worker");
      await expect(page.getByTestId("review-summary")).not.toContainText(idNumber);
      await page.getByTestId("submit-application").click();
      await expect(page.getByTestId("assisted-error")).toHaveText(t.errors["not-confirmed"]);
      await page.getByTestId("applicant-confirmed").check();
      await page.getByTestId("submit-application").click();

      // The receipt: reference, a new tracking code, the QR code to the tracking page; printed to PDF and read back.
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/applications/[a-z0-9]+/receipt`));
      const applicationId = new URL(page.url()).pathname.split("/")[4];
      const reference = (await page.getByTestId("receipt-reference").innerText()).trim();
      expect(reference).toMatch(/^LZ2026-\d{6}-[0-9A-Z]$/);
      await page.getByTestId("issue-code").click();
      const code = (await page.getByTestId("tracking-code").innerText()).trim();
      expect(code).toMatch(/^\d{4} \d{4}$/);
      const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const trackUrl = `${baseURL}/${lng}/track?ref=${reference}`;
      expect(pdf.text).toContain(reference);
      expect(pdf.text).toContain(code.replace(" ", ""));
      expect(pdf.qrCodes).toEqual([trackUrl]);

      // The staff timeline says a desk helped, and which.
      await page.goto(`/${lng}/staff/applications/${applicationId}`);
      await expect(page.getByTestId("staff-history").getByTestId("assisted-by")).toContainText(DESK_NAME[lng]);

      // The session's form is closed once submitted; the session page links to the application.
      await page.goto(sessionPath);
      await expect(page.getByTestId("assisted-submitted")).toBeVisible();
      expect((await page.goto(`${sessionPath}/apply`))?.status()).toBe(404);

      // The applicant, with no phone and no account, follows the receipt's QR code and types the code.
      const visitor = await browser.newContext({ baseURL });
      const phone = await visitor.newPage();
      await phone.goto(pdf.qrCodes[0]);
      await expect(phone.getByLabel(t.track.reference)).toHaveValue(reference);
      await phone.getByLabel(t.track.code).fill(code);
      await phone.getByTestId("track-submit").click();
      await expect(phone.getByTestId("track-result")).toBeVisible();
      await expect(phone.getByTestId("track-reference")).toHaveText(reference);
      await expect(phone.getByTestId("track-status")).toHaveText(text[lng].common.status.submitted);
      await expect(phone.getByTestId("track-assisted-by")).toContainText(DESK_NAME[lng]);
      await expect(phone.getByTestId("track-result")).not.toContainText("覃");
      await visitor.close();
    });

    test("the seeded elder without a phone: her desk-submitted application is on /track with the demo tracking code", async ({ page }) => {
      const t = desk[lng];
      await page.goto(`/${lng}/track`);
      const reference = await seededElderReference();
      await page.getByLabel(t.track.reference).fill(reference);
      await page.getByLabel(t.track.code).fill("2026 1201");
      await page.getByTestId("track-submit").click();
      await expect(page.getByTestId("track-reference")).toHaveText(reference);
      await expect(page.getByTestId("track-assisted-by")).toContainText(DESK_NAME[lng]);
    });

    test("another area's desk cannot open the assisted application of a session (404)", async ({ page }) => {
      await signInStaff(page, lng, "desk02");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      for (const path of ["apply", "apply/applicant", "apply/review"]) {
        expect((await page.goto(`/${lng}/desk/sessions/seed-desk-session-1/${path}`))?.status()).toBe(404);
      }
    });
  });
}
