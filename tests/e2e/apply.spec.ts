import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { forgetRateLimits, publicityPeriodPasses } from "@/tests/e2e/apply-db";
import { readCodeFromOutbox, scripts, signInCitizen, signInStaff, text, type Script } from "@/tests/e2e/helpers";

// Fake but valid 居民身份证 numbers (GB 11643 check digit) for a parent and a child in 鹿寨 (450223).
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + "10X98765432"[sum % 11];
}
const PARENT_ID = idNumber("45022319850312002");
const CHILD_ID = idNumber("45022320150601003");

// Tiny real images, made here: a 1×1 PNG and a minimal JPEG header (magic bytes are what the server checks).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 1), Buffer.from([0xff, 0xd9])]);

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${(testInfo.line * 7) % 250}` });
});

async function signIn(page: Page, lng: Script, phone: string) {
  await page.context().clearCookies();
  await forgetRateLimits();
  await signInCitizen(page, lng, phone);
  await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
}

async function staff(page: Page, lng: Script, username: string) {
  await page.context().clearCookies();
  await signInStaff(page, lng, username);
  await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
}

async function saveSection(page: Page, lng: Script, section: string) {
  await page.getByTestId("save-section").click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/apply(#.*)?$`));
  await expect(page.getByTestId(`status-${section}`)).toHaveText(text[lng].apply.taskList.completed);
}

async function fillFirstSections(page: Page, lng: Script, phone: string) {
  const a = text[lng].apply;
  await page.goto(`/${lng}/apply`);
  await page.getByRole("link", { name: new RegExp(a.sections.applicant.title) }).click();
  await page.getByLabel(a.fields.applicant.name).fill("测试家长");
  // A mistyped ID number: a translated inline error, and nothing typed is lost.
  const wrongId = PARENT_ID.slice(0, 17) + (PARENT_ID[17] === "1" ? "2" : "1");
  await page.getByLabel(a.fields.applicant.idNumber).fill(wrongId);
  await page.getByLabel(a.fields.applicant.phone).fill(phone);
  await page.getByLabel(a.fields.applicant.areaCode).selectOption("450223");
  await page.getByLabel(a.fields.applicant.address).fill("鹿寨县测试路 1 号");
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId("f-idNumber-error")).toHaveText(a.errors["id-number-check-digit"]);
  await expect(page.getByLabel(a.fields.applicant.name)).toHaveValue("测试家长");
  await expect(page.getByLabel(a.fields.applicant.address)).toHaveValue("鹿寨县测试路 1 号");
  await page.getByLabel(a.fields.applicant.idNumber).fill(PARENT_ID);
  await saveSection(page, lng, "applicant");

  await page.getByRole("link", { name: new RegExp(a.sections.patient.title) }).click();
  await page.getByLabel(a.options.relationship.child, { exact: true }).check();
  await page.getByLabel(a.fields.patient.name).fill("测试孩子");
  await page.getByLabel(a.fields.patient.idNumber).fill(CHILD_ID);
  await saveSection(page, lng, "patient");

  await page.getByRole("link", { name: new RegExp(a.sections.household.title) }).click();
  await page.getByLabel(a.fields.household.size).fill("3");
  await page.getByLabel(a.fields.household.monthlyIncome).fill("1500");
  await page.getByLabel(a.options.certifications.dibao, { exact: true }).check();
  await saveSection(page, lng, "household");
}

async function fillRemainingSections(page: Page, lng: Script, reliefType: "urgent" | "expense", photos: boolean) {
  const a = text[lng].apply;
  await page.getByRole("link", { name: new RegExp(a.sections.illness.title) }).click();
  await page.getByLabel(a.fields.illness.diagnosis).fill("急性淋巴细胞白血病");
  await page.getByLabel(a.fields.illness.hospital).fill("柳州市人民医院");
  await page.getByLabel(a.fields.illness.totalCost).fill("86,000");
  await page.getByLabel(a.fields.illness.reimbursed).fill("52000.50");
  await saveSection(page, lng, "illness");

  await page.getByRole("link", { name: new RegExp(a.sections.reason.title) }).click();
  await page.getByLabel(a.options.reliefType[reliefType], { exact: true }).check();
  await page.getByLabel(a.options.urgency["this-week"], { exact: true }).check();
  await page.getByLabel(a.fields.reason.description).fill("孩子住院化疗，家庭无力承担自付费用。");
  await saveSection(page, lng, "reason");

  await page.getByRole("link", { name: new RegExp(a.sections.bank.title) }).click();
  await page.getByLabel(a.fields.bank.bankName).fill("农业银行");
  await page.getByLabel(a.fields.bank.account).fill("6228 4800 0000 0000 000");
  await saveSection(page, lng, "bank");

  await page.getByRole("link", { name: new RegExp(a.sections.declarations.title) }).click();
  // The two consents are separate and explicit: without them the section is refused.
  await page.getByRole("checkbox", { name: a.fields.declarations.truthful }).check();
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId("f-consentSensitive-error")).toHaveText(a.errors["consent-required"]);
  await page.getByRole("checkbox", { name: a.fields.declarations.consentSensitive }).check();
  await page.getByRole("checkbox", { name: a.fields.declarations.consentCheck }).check();
  await saveSection(page, lng, "declarations");

  await page.getByRole("link", { name: new RegExp(a.sections.documents.title) }).click();
  if (photos) {
    await page.getByTestId("upload-applicant-id").locator('input[type="file"]').setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("upload-applicant-id").getByRole("button", { name: text[lng].apply.documents.upload, exact: true }).click();
    await expect(page.getByTestId("upload-ok")).toBeVisible();
    await page.getByTestId("upload-diagnosis").locator('input[type="file"]').setInputFiles({ name: "diagnosis.jpg", mimeType: "image/jpeg", buffer: JPEG });
    await page.getByTestId("upload-diagnosis").getByRole("button", { name: text[lng].apply.documents.upload, exact: true }).click();
    await expect(page.getByTestId("doc-diagnosis")).toContainText(a.documents.uploadedCount.replace("{{count}}", "1"));
  }
  // Everything not uploaded yet will follow.
  for (const box of await page.getByTestId("to-follow-form").getByRole("checkbox").all()) await box.check();
  await page.getByTestId("save-documents").click();
  await expect(page.getByTestId("status-documents")).toHaveText(a.taskList.completed);
}

async function submit(page: Page, lng: Script): Promise<{ id: string; reference: string }> {
  await page.getByTestId("go-review").click();
  await expect(page.getByTestId("review-summary")).toBeVisible();
  // Masked on screen: the full ID number is never shown back on the summary.
  await expect(page.getByTestId("review-summary")).not.toContainText(PARENT_ID);
  // A double tap: two posts of the same form.
  await page.getByTestId("submit-application").dblclick();
  await expect(page).toHaveURL(new RegExp(`/${lng}/apply/submitted/[a-z0-9]+$`));
  const reference = (await page.getByTestId("reference").innerText()).trim();
  expect(reference).toMatch(/^LZ2026-\d{6}-[0-9A-Z]$/);
  await expect(page.getByTestId("what-next")).toBeVisible();
  await expect(page.getByTestId("receipt")).toContainText(reference);
  const id = page.url().split("/").pop()!;
  return { id, reference };
}

async function openAction(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).locator("summary").click();
}

async function doAction(page: Page, lng: Script, action: string) {
  await page.getByTestId(`do-${action}`).click();
  await expect(page.getByTestId("action-done")).toContainText(text[lng].console.actions[action as keyof (typeof text)["zh-Hans"]["console"]["actions"]]);
}

for (const [index, lng] of scripts.entries()) {
  test.describe(lng, () => {
    test("a parent applies for a child with two photos, signs out and back in, submits once (double tap), then 补正 → 公示 → 审批 → 发放 on the timeline", async ({ page }) => {
      test.setTimeout(240_000);
      const a = text[lng].apply;
      const phone = `1390000${2100 + index}`;
      await signIn(page, lng, phone);
      await fillFirstSections(page, lng, phone);

      // Sign out, come back: the draft is on the server.
      await page.goto(`/${lng}/me`);
      await page.getByTestId("sign-out").click();
      await expect(page.getByTestId("account")).toContainText(text[lng].common.me.notSignedIn);
      await page.goto(`/${lng}/apply`);
      await expect(page.getByTestId("apply-sign-in")).toBeVisible();
      await signIn(page, lng, phone);
      await page.goto(`/${lng}/apply`);
      for (const s of ["applicant", "patient", "household"]) await expect(page.getByTestId(`status-${s}`)).toHaveText(a.taskList.completed);
      await page.getByRole("link", { name: new RegExp(a.sections.patient.title) }).click();
      await expect(page.getByLabel(a.fields.patient.name)).toHaveValue("测试孩子");
      await page.goto(`/${lng}/apply`);

      await fillRemainingSections(page, lng, "expense", true);
      const { id, reference } = await submit(page, lng);

      // One application for this reference, though the button was tapped twice.
      await page.goto(`/${lng}/progress`);
      await expect(page.getByTestId("application-list").locator("li")).toHaveCount(1);
      await expect(page.getByTestId("application-list")).toContainText(reference);

      // The caseworker accepts and asks for the bills (补正).
      await staff(page, lng, "case01");
      await page.goto(`/${lng}/staff/applications/${id}`);
      await expect(page.getByTestId("case-data")).not.toContainText(PARENT_ID);
      await openAction(page, "accept");
      await doAction(page, lng, "accept");
      await openAction(page, "request-correction");
      // The default 补正 date is the policy pack's (assumed) value, and the form says so.
      const correctionDefault = page.getByTestId("correction-due-default");
      await expect(correctionDefault).toHaveAttribute("data-parameter", "proc-correction-due-days");
      await expect(correctionDefault).toContainText(text[lng].console.form.referenceValue);
      await page.getByTestId("action-request-correction").getByLabel(a.documents.types.bills).check();
      await doAction(page, lng, "request-correction");

      // The parent sees what to do and by when, uploads the bills there and hands them in.
      await signIn(page, lng, phone);
      await page.goto(`/${lng}/progress/${id}`);
      await expect(page.getByTestId("todo")).toContainText(a.documents.types.bills);
      await expect(page.getByTestId("step-review-due")).toBeVisible();
      await page.getByTestId("upload-bills").locator('input[type="file"]').setInputFiles({ name: "bills.jpg", mimeType: "image/jpeg", buffer: JPEG });
      await page.getByTestId("upload-bills").getByRole("button", { name: text[lng].apply.documents.upload, exact: true }).click();
      await expect(page.getByTestId("upload-ok")).toBeVisible();
      await page.getByTestId("hand-in").click();
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.reviewing);

      // 核对, amount, 公示 (length from the 鹿寨 pack); the days pass; 公示 ends.
      await staff(page, lng, "case01");
      await page.goto(`/${lng}/staff/applications/${id}`);
      await expect(page.getByTestId("standard")).toContainText("560");
      await openAction(page, "record-check");
      await page.getByTestId("action-record-check").getByRole("textbox").fill("入户调查：情况属实");
      await doAction(page, lng, "record-check");
      await openAction(page, "propose-amount");
      await page.getByTestId("action-propose-amount").getByLabel(text[lng].console.form.amount).fill("2800");
      await page.getByTestId("action-propose-amount").getByLabel(text[lng].console.form.reason).fill("按 5 个月低保标准");
      await doAction(page, lng, "propose-amount");
      await openAction(page, "start-publicity");
      await doAction(page, lng, "start-publicity");
      await openAction(page, "end-publicity");
      await page.getByTestId("do-end-publicity").click();
      await expect(page.getByTestId("action-error")).toHaveText(text[lng].console.errors["publicity-not-over"]);
      await publicityPeriodPasses(id);
      await page.reload();
      await openAction(page, "end-publicity");
      await doAction(page, lng, "end-publicity");
      // The caseworker who proposed cannot approve.
      await expect(page.getByTestId("action-approve")).toHaveCount(0);

      await staff(page, lng, "approver01");
      await page.goto(`/${lng}/staff/applications/${id}`);
      await openAction(page, "approve");
      await doAction(page, lng, "approve");
      await openAction(page, "pay");
      await doAction(page, lng, "pay");

      // The parent's timeline shows every step done, each with its date.
      await signIn(page, lng, phone);
      await page.goto(`/${lng}/progress/${id}`);
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.paid);
      for (const step of ["acceptance", "review", "publicity", "approval", "payment"]) {
        await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("data-state", "done");
        await expect(page.getByTestId(`step-${step}-on`)).toBeVisible();
      }
      await expect(page.getByTestId("notifications")).toContainText(reference);
    });

    test("急难型: the approver pays first (先行救助); another citizen and another area's caseworker see nothing of it", async ({ page, request }) => {
      test.setTimeout(180_000);
      const a = text[lng].apply;
      const phone = `1390000${2200 + index}`;
      await signIn(page, lng, phone);
      await fillFirstSections(page, lng, phone);
      await fillRemainingSections(page, lng, "urgent", true);
      const { id, reference } = await submit(page, lng);
      await page.goto(`/${lng}/progress/${id}`);
      const docHref = await page.getByTestId("my-documents").locator("a").first().getAttribute("href");
      expect(docHref).toMatch(/^\/api\/v1\/documents\//);
      expect((await page.request.get(docHref!)).status()).toBe(200);

      await staff(page, lng, "approver01");
      await page.goto(`/${lng}/staff/applications/${id}`);
      await openAction(page, "emergency-approve-and-pay");
      const form = page.getByTestId("action-emergency-approve-and-pay");
      await form.getByLabel(text[lng].console.form.amount).fill("1120");
      await form.getByLabel(text[lng].console.form.reason).fill("突发重病，先行救助");
      await doAction(page, lng, "emergency-approve-and-pay");
      await expect(page.getByTestId("staff-status")).toHaveAttribute("data-status", "paid");

      // Another area's caseworker: not in the queue, page / API / file all 404.
      await staff(page, lng, "case02");
      await expect(page.getByTestId("application-list")).not.toContainText("LZ2026");
      expect((await page.goto(`/${lng}/staff/applications/${id}`))!.status()).toBe(404);
      expect((await page.request.get(`/api/v1/applications/${id}`)).status()).toBe(404);
      expect((await page.request.get(docHref!)).status()).toBe(404);

      // Citizen B: page, API and file URL all answer 404.
      await signIn(page, lng, `1390000${2300 + index}`);
      expect((await page.goto(`/${lng}/progress/${id}`))!.status()).toBe(404);
      expect((await page.request.get(`/api/v1/applications/${id}`)).status()).toBe(404);
      expect((await page.request.get(docHref!)).status()).toBe(404);
      // Looking it up by reference finds nothing under B's phone.
      await page.goto(`/${lng}/progress/ref/${reference}`);
      await expect(page.getByTestId("lookup-not-found")).toBeVisible();
      // Nobody signed in: nothing either.
      expect((await request.get(`/api/v1/applications/${id}`)).status()).toBe(404);
      expect((await request.get(docHref!)).status()).toBe(404);

      // The applicant sees the payment and what is still owed.
      await signIn(page, lng, phone);
      await page.goto(`/${lng}/progress/${id}`);
      await expect(page.getByTestId("status")).toHaveText(text[lng].common.status.paid);
      await expect(page.getByTestId("step-payment")).toHaveAttribute("data-state", "done");
      await expect(page.getByTestId("step-publicity")).toHaveAttribute("data-state", "skipped");
      const api = await page.request.get(`/api/v1/applications/${id}`);
      expect(api.status()).toBe(200);
      const body = await api.text();
      expect(body).not.toContain(PARENT_ID);
      expect(body).not.toContain("6228480000000000000");

      // Anyone with the reference (typed loosely) and the applicant's phone: a code to that phone, then the application.
      await page.context().clearCookies();
      await forgetRateLimits();
      await page.goto(`/${lng}/progress/lookup`);
      await page.getByLabel(a.lookup.reference).fill("lz" + reference.slice(2).toLowerCase().replace(/-/g, " "));
      await page.getByTestId("lookup-submit").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/login\\?returnTo=`));
      await page.getByLabel(text[lng].auth.citizen.phoneLabel).fill(phone);
      await page.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
      const code = await readCodeFromOutbox(page, lng, phone);
      await page.getByLabel(text[lng].auth.citizen.codeLabel).fill(code);
      await page.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/progress/${id}$`));
      await expect(page.getByTestId("reference")).toHaveText(reference);
    });

    test("a disguised file (text named .jpg) and an oversized file are refused with a clear message", async ({ page }) => {
      const a = text[lng].apply;
      await signIn(page, lng, `1390000${2400 + index}`);
      // Arriving from an estimate: the total is prefilled, unknown parameters ignored.
      await page.goto(`/${lng}/apply?from=estimate&policy=luzhai-2018&total=12345.6&utm_source=x`);
      await expect(page).toHaveURL(new RegExp(`/${lng}/apply\\?prefilled=1$`));
      await page.goto(`/${lng}/apply/illness`);
      await expect(page.getByLabel(a.fields.illness.totalCost)).toHaveValue("12345.60");
      await page.goto(`/${lng}/apply/documents`);
      const upload = page.getByTestId("upload-applicant-id");
      await upload.locator('input[type="file"]').setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a picture\n".repeat(20)) });
      await upload.getByRole("button", { name: text[lng].apply.documents.upload, exact: true }).click();
      await expect(page.getByTestId("upload-error")).toHaveText(a.documents.errors["bad-type"]);
      await page.getByTestId("upload-applicant-id").locator('input[type="file"]').setInputFiles({
        // A PDF, so the in-browser photo resizing leaves it as it is and the server sees all 9 MB.
        name: "scan.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(9 * 1024 * 1024, 0x20)]),
      });
      await page.getByTestId("upload-applicant-id").getByRole("button", { name: text[lng].apply.documents.upload, exact: true }).click();
      await expect(page.getByTestId("upload-error")).toHaveText(a.documents.errors["too-large"]);
      await expect(page.getByTestId("doc-applicant-id")).toContainText(a.documents.none);
    });
  });
}

test("the application pages pass axe (WCAG 2 A/AA) on a phone, with errors showing", async ({ page }) => {
  test.setTimeout(120_000);
  const lng = "zh-Hans";
  const a = text[lng].apply;
  const check = async (what: string) => {
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(result.violations.map((v) => `${what}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  };
  await signIn(page, lng, "13900002500");
  await page.goto(`/${lng}/apply`);
  await check("task list");
  await page.goto(`/${lng}/apply/applicant`);
  await page.getByLabel(a.fields.applicant.idNumber).fill("123");
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await check("section with errors");
  await page.goto(`/${lng}/apply/documents`);
  await check("documents");
  await page.goto(`/${lng}/apply/review`);
  await check("review");
  await page.goto(`/${lng}/progress/lookup`);
  await check("lookup");
  await staff(page, lng, "case01");
  await check("staff queue");
  await page.getByTestId("application-list").locator("a").first().click();
  await check("staff application");
});
