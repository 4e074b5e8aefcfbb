import { expect, test, type Page } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import handoverHans from "@/locales/zh-Hans/handover.json";
import handoverHant from "@/locales/zh-Hant/handover.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInStaff, text, type Script, withCheckDigit } from "@/tests/e2e/helpers";
import { screenerInFrame } from "@/tests/e2e/desk-frame";
import { applicantSectionThenQr, phoneContext, signInFromHandover } from "@/tests/e2e/handover-flow";

// The desk runs 查资格 and 算报销 with the applicant inside the session's assisted frame (the public pages,
// the same engine, whose session it is on top, 长辈版 to read across the desk), starts the application from the
// results, and hands it over by QR: the applicant scans it with their phone (390 px), signs in by SMS code,
// takes the draft, finishes and submits it there. The desk's session then only says it was handed over, and
// the draft no longer opens at the desk.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };
const handover = { "zh-Hans": handoverHans, "zh-Hant": handoverHant };
// Fake but well-formed ID numbers and phones, one per script so the runs do not meet.
const APPLICANT = {
  "zh-Hans": { name: "蓝大妈", id: "45022319560708002", phone: "13911500101" },
  "zh-Hant": { name: "蓝大伯", id: "45022319550211003", phone: "13911500102" },
};


/** On the phone: open a section from the task list, fill it, save, see it completed. */
async function phoneSection(phone: Page, lng: Script, id: keyof (typeof text)["zh-Hans"]["apply"]["sections"], fill: () => Promise<void>) {
  const a = text[lng].apply;
  await phone.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections[id].title) }).click();
  await fill();
  await phone.getByTestId("save-section").click();
  await expect(phone.getByTestId(`status-${id}`)).toHaveText(a.taskList.completed);
}

for (const lng of scripts) {
  test.describe(`help desk hand-over by QR (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("screener and estimate in the assisted frame, the application started from the results, handed over by QR and submitted on the phone; the desk can no longer open it", async ({ page, browser, baseURL }) => {
      test.setTimeout(240_000);
      const t = desk[lng];
      const h = handover[lng];
      const e = text[lng].eligibility;
      const est = text[lng].estimate;
      const a = text[lng].apply;
      const person = APPLICANT[lng];
      const idNumber = withCheckDigit(person.id);
      const nameMasked = `${person.name[0]}*${person.name[2]}`;

      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      await page.goto(`/${lng}/desk`);
      const newPerson = page.getByTestId("person-new");
      await newPerson.getByLabel(t.home.name).fill(person.name);
      await newPerson.getByLabel(t.home.idNumber).fill(idNumber);
      await newPerson.getByLabel(t.home.phoneOptional).fill(person.phone);
      await newPerson.getByLabel(t.home.consent).check();
      await page.getByTestId("start-new").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/sessions/[a-z0-9]+$`));
      const sessionPath = new URL(page.url()).pathname;
      // No draft yet: nothing to hand over.
      await expect(page.getByTestId("handover-section")).toContainText(h.desk.noDraft);

      // 查资格 with the applicant: the public questions, framed with whose session it is; 长辈版 for reading across the desk.
      await screenerInFrame(page, lng, async () => {
        await expect(page.getByTestId("frame-person")).toHaveText(h.frame.banner.replace("{{name}}", nameMasked));
        await page.getByTestId("toggle-large-text").click();
        await expect(page.locator("html")).toHaveClass(/large-text/);
      });
      await expect(page.getByTestId("frame-person")).toContainText(nameMasked);
      // "Start the application" leads to the session's assisted application, not a citizen's.
      expect(new URL((await page.getByTestId("to-apply").getAttribute("href"))!, "http://x").pathname).toBe(`${sessionPath}/apply`);

      // 算报销 from the results, the same engine, still in the frame.
      await page.getByTestId("to-estimate").click();
      await expect(page.getByTestId("frame-person")).toContainText(nameMasked);
      await page.getByRole("link", { name: new RegExp(est.withoutBill) }).click();
      await page.getByLabel(est.field.total.label).fill("60000");
      await page.getByTestId("estimate-submit").click();
      await expect(page.getByTestId("personal")).toBeVisible();
      await expect(page.getByTestId("frame-person")).toContainText(nameMasked);
      await page.getByTestId("estimate-to-apply").click();
      await expect(page).toHaveURL(new RegExp(`${sessionPath}/apply$`));
      await expect(page.getByTestId("session-person")).toHaveText(nameMasked);

      // The desk starts the application (the applicant section, as the applicant tells it), then shows the
      // hand-over QR code (printable) at the desk.
      const handoverUrl = await applicantSectionThenQr(page, lng, sessionPath, "鹿寨县某屯 12 号");
      expect(handoverUrl).toMatch(new RegExp(`^${baseURL}/${lng}/handover/[A-Za-z0-9_-]{24}$`));
      await expect(page.getByTestId("handover-expires")).toBeVisible();

      // The applicant's phone: 390 px wide, its own browser.
      const phoneBrowser = await phoneContext(browser, baseURL);
      const phone = await phoneBrowser.newPage();
      await phone.goto(handoverUrl);
      // Before sign-in nothing about the applicant or the draft is shown.
      await expect(phone.locator("main")).not.toContainText(nameMasked);
      await signInFromHandover(phone, lng, handoverUrl, person.phone);
      await expect(phone.getByTestId("desk-draft")).toContainText(nameMasked);
      await phone.getByTestId("take-draft").click();
      await expect(phone).toHaveURL(new RegExp(`/${lng}/apply\\?handedOver=desk$`));
      await expect(phone.getByTestId("handed-over-notice")).toHaveText(h.phone.movedNotice);
      await expect(phone.getByTestId("status-applicant")).toHaveText(a.taskList.completed);

      // The desk's access ended at that moment.
      await page.reload();
      await expect(page.getByTestId("handed-over")).toHaveText(h.desk.done);
      await page.goto(sessionPath);
      await expect(page.getByTestId("handed-over")).toHaveText(h.desk.done);
      await expect(page.getByTestId("session-ended")).not.toContainText(nameMasked);
      for (const path of ["apply", "apply/applicant", "apply/review"]) expect((await page.goto(`${sessionPath}/${path}`))?.status()).toBe(404);
      // The code is single use: scanned again, it says so.
      await phone.goto(handoverUrl);
      await expect(phone.getByTestId("handover-error")).toHaveAttribute("data-code", "used");
      await expect(phone.getByTestId("handover-error")).toContainText(h.errors.used);
      await phone.goto(`/${lng}/apply`);

      // The applicant finishes on the phone.
      await phoneSection(phone, lng, "patient", () => phone.getByLabel(a.options.relationship.self, { exact: true }).check());
      await phoneSection(phone, lng, "household", async () => {
        await phone.getByLabel(a.fields.household.size).fill("2");
        await phone.getByLabel(a.fields.household.monthlyIncome).fill("900");
        await phone.getByLabel(a.options.certifications.tekun, { exact: true }).check();
      });
      await phoneSection(phone, lng, "illness", async () => {
        await phone.getByLabel(a.fields.illness.diagnosis).fill("脑梗死");
        await phone.getByLabel(a.fields.illness.hospital).fill("鹿寨县人民医院");
        await phone.getByLabel(a.fields.illness.totalCost).fill("60000");
        await phone.getByLabel(a.fields.illness.reimbursed).fill("41000");
      });
      await phoneSection(phone, lng, "reason", async () => {
        await phone.getByLabel(a.options.reliefType.expense, { exact: true }).check();
        await phone.getByLabel(a.options.urgency["this-week"], { exact: true }).check();
        await phone.getByLabel(a.fields.reason.description).fill("住院治疗后自付部分负担不起。");
      });
      await phoneSection(phone, lng, "bank", async () => {
        await phone.getByLabel(a.fields.bank.bankName).fill("农村信用社");
        await phone.getByLabel(a.fields.bank.account).fill("6228 4800 0000 0000 000");
      });
      await phoneSection(phone, lng, "declarations", async () => {
        await phone.getByRole("checkbox", { name: a.fields.declarations.truthful }).check();
        await phone.getByRole("checkbox", { name: a.fields.declarations.consentSensitive }).check();
        await phone.getByRole("checkbox", { name: a.fields.declarations.consentCheck }).check();
      });
      await phone.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.documents.title) }).click();
      await expect(phone.getByTestId("to-follow-form")).toBeVisible();
      for (const box of await phone.getByTestId("to-follow-form").getByRole("checkbox").all()) await box.check();
      await phone.getByTestId("save-documents").click();
      await expect(phone.getByTestId("status-documents")).toHaveText(a.taskList.completed);
      await phone.getByTestId("go-review").click();
      await phone.getByTestId("submit-application").click();
      await expect(phone).toHaveURL(new RegExp(`/${lng}/apply/submitted/[a-z0-9]+$`));
      const reference = (await phone.getByTestId("reference").innerText()).trim();
      expect(reference).toMatch(/^LZ2026-\d{6}-[0-9A-Z]$/);
      // The applicant's own timeline says a desk helped (the draft was started there).
      const applicationId = new URL(phone.url()).pathname.split("/").pop()!;
      await phone.goto(`/${lng}/progress/${applicationId}`);
      await expect(phone.getByTestId("assisted-by")).toContainText("窗口");
      await phone.goBack();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phoneBrowser.close();

      // Submitted or not, the desk's session opens nothing of it.
      await page.goto(sessionPath);
      await expect(page.getByTestId("handed-over")).toBeVisible();
      expect((await page.goto(`${sessionPath}/apply`))?.status()).toBe(404);
      expect((await page.goto(`${sessionPath}/handover`))?.status()).toBe(200);
      await expect(page.getByTestId("handover-qr")).toHaveCount(0);
    });
  });
}
