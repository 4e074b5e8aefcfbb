import { expect, type Page, test } from "@playwright/test";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { readCodeFromOutbox, scripts, signInStaff, text, type Script } from "@/tests/e2e/helpers";
import { auditOf, schoolCaseRow } from "@/tests/e2e/records-db";
import hans from "@/locales/zh-Hans/zhuanban.json";
import hant from "@/locales/zh-Hant/zhuanban.json";

const texts = { "zh-Hans": hans, "zh-Hant": hant } as const;

// Fake but valid 居民身份证 numbers (GB 11643 check digit).
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + "10X98765432"[sum % 11];
}

// Pupils 5 and 7 of the demo roster (lib/schools/demo-seed.ts: ID 210102 + birth + 1·i·9·ii, guardian 1390000 1000+i).
// Pupil 3 has the seed's demo case.
const PUPILS = {
  "zh-Hans": { name: "陈雨桐", idNumber: idNumber("21010220200514904"), guardianPhone: "13900001004" },
  "zh-Hant": { name: "赵一诺", idNumber: idNumber("21010220200716906"), guardianPhone: "13900001006" },
} as const;
const PARENT_ID = idNumber("21010219880312022");

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${(testInfo.line * 11) % 250}` });
});

async function saveSection(page: Page, lng: Script, section: string) {
  await page.getByTestId("save-section").click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/apply(#.*)?$`));
  await expect(page.getByTestId(`status-${section}`)).toHaveText(text[lng].apply.taskList.completed);
}

for (const lng of scripts) {
  test(`${lng}: a 专班 case opened with the parent's one-time code goes to 临时救助 applied through the parent's SMS link and is closed; education staff see it masked, then closed`, async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000);
    const z = texts[lng];
    const a = text[lng].apply;
    const pupil = PUPILS[lng];
    await forgetRateLimits();

    // The school admin opens the case, after the parent signed the consent form.
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    await page.goto(`/${lng}/school`);
    await page.getByTestId("to-cases").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/school/cases$`));
    const fill = async (id: string) => {
      await page.getByTestId("case-idNumber").fill(id);
      await page.getByTestId("case-giverName").fill("陈某某");
      await page.getByTestId("case-relation-mother").check();
      await page.getByTestId("case-illness").fill("急性淋巴细胞白血病");
      await page.getByTestId("case-consentConfirmed").check();
      await page.getByTestId("case-open").click();
    };
    // A pupil not on this school's roster: refused in words (the paper consent form).
    await fill(PARENT_ID);
    await expect(page.getByTestId("case-error")).toHaveText(z.errors["not-on-roster"]);

    // The parent cannot come in to sign: consent by a one-time code to the guardian phone on the roster.
    await page.getByTestId("code-idNumber").fill(pupil.idNumber);
    await page.getByTestId("code-giverName").fill("陈某某");
    await page.getByTestId("code-relation-mother").check();
    await page.getByTestId("code-illness").fill("急性淋巴细胞白血病");
    await page.getByTestId("code-send").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/school/cases/consent/[a-z0-9]+$`));
    const maskedGuardian = `${pupil.guardianPhone.slice(0, 3)}****${pupil.guardianPhone.slice(7)}`;
    await expect(page.getByTestId("code-sent-to")).toContainText(maskedGuardian);
    // The SMS the parent gets: the code and that it means consent; no name, no illness.
    const consentCode = await readCodeFromOutbox(page, lng, pupil.guardianPhone);
    // A wrong code opens nothing.
    await page.getByTestId("consent-code").fill(consentCode === "000000" ? "111111" : "000000");
    await page.getByTestId("consent-confirm").click();
    await expect(page.getByTestId("code-error")).toHaveText(z.errors["code-invalid"]);
    await page.getByTestId("consent-code").fill(consentCode);
    await page.getByTestId("consent-confirm").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/school/cases/[a-z0-9]+\\?consented=code$`));
    const casePath = new URL(page.url()).pathname;
    await expect(page.getByText(z.byCode.consentedNotice)).toBeVisible();
    await expect(page.getByTestId("case-consent")).toContainText(z.open.relations.mother);
    await expect(page.getByTestId("case-consent")).toContainText(z.open.methods["sms-code"]);
    await expect(page.getByTestId("checklist").locator("> li")).toHaveCount(8);
    await expect(page.getByTestId("state-temporary-assistance")).toHaveText(z.states["not-started"]);
    await expect(page.getByTestId("item-education-aid")).toContainText(z.bodies.education);
    await expect(page.getByTestId("item-temporary-assistance")).toContainText("六、4");
    await expect(page.getByTestId("case-estimate")).toHaveAttribute("href", /\/estimate\?policy=shenyang-2023&insurance=resident&age=\d+/);

    // 教育资助 recorded by the school, with its amount.
    await page.getByTestId("select-education-aid").selectOption("granted");
    await page.getByTestId("amount-education-aid").fill("1,200");
    await page.getByTestId("save-education-aid").click();
    await expect(page.getByTestId("state-education-aid")).toContainText(z.states.granted);
    await expect(page.getByTestId("state-education-aid")).toContainText("1,200.00");

    // The parent is invited by SMS: the 临时救助 item is referred.
    await page.getByTestId("case-invite").click();
    await expect(page.getByText(z.case.invitedNotice)).toBeVisible();
    await expect(page.getByTestId("state-temporary-assistance")).toHaveText(z.states.referred);

    // The outbox holds the SMS: the link, no name, no illness.
    const outbox = await page.context().newPage();
    await outbox.goto(`/${lng}/dev/outbox`);
    const masked = `${pupil.guardianPhone.slice(0, 3)}****${pupil.guardianPhone.slice(7)}`;
    const message = outbox.getByTestId("outbox-message").filter({ has: outbox.getByTestId("outbox-to").getByText(masked, { exact: true }) }).first();
    const body = await message.getByTestId("outbox-body").innerText();
    await outbox.close();
    expect(body).not.toContain(pupil.name);
    expect(body).not.toMatch(/病|白血/);
    const link = body.match(new RegExp(`https?://\\S+/${lng}/apply\\?from=school-case&invite=[A-Za-z0-9_-]+`))?.[0];
    expect(link, body).toBeTruthy();

    // The parent opens the link on their phone, signs in with the guardian phone, and finds the application prefilled.
    const parentContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
    const parent = await parentContext.newPage();
    const url = new URL(link!);
    await parent.goto(url.pathname + url.search);
    await parent.getByTestId("apply-sign-in").click();
    await parent.getByLabel(text[lng].auth.citizen.phoneLabel).fill(pupil.guardianPhone);
    await parent.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
    const code = await readCodeFromOutbox(parent, lng, pupil.guardianPhone);
    await parent.getByLabel(text[lng].auth.citizen.codeLabel).fill(code);
    await parent.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
    await expect(parent).toHaveURL(new RegExp(`/${lng}/apply\\?prefilled=school-case$`));
    await expect(parent.getByText(a.prefilledFromSchoolCase)).toBeVisible();

    await parent.getByRole("link", { name: new RegExp(a.sections.applicant.title) }).click();
    await expect(parent.getByLabel(a.fields.applicant.areaCode)).toHaveValue("210100");
    await parent.getByLabel(a.fields.applicant.name).fill("陈某某");
    await parent.getByLabel(a.fields.applicant.idNumber).fill(PARENT_ID);
    await parent.getByLabel(a.fields.applicant.phone).fill(pupil.guardianPhone);
    await parent.getByLabel(a.fields.applicant.address).fill("沈阳市和平区演示路 1 号");
    await saveSection(parent, lng, "applicant");

    await parent.getByRole("link", { name: new RegExp(a.sections.patient.title) }).click();
    await expect(parent.getByLabel(a.options.relationship.child, { exact: true })).toBeChecked();
    await expect(parent.getByLabel(a.fields.patient.name)).toHaveValue(pupil.name);
    await expect(parent.getByLabel(a.fields.patient.idNumber)).toHaveValue(pupil.idNumber);
    await saveSection(parent, lng, "patient");

    await parent.getByRole("link", { name: new RegExp(a.sections.household.title) }).click();
    await parent.getByLabel(a.fields.household.size).fill("3");
    await parent.getByLabel(a.fields.household.monthlyIncome).fill("2000");
    await parent.getByLabel(a.options.certifications.none, { exact: true }).check();
    await saveSection(parent, lng, "household");

    await parent.getByRole("link", { name: new RegExp(a.sections.illness.title) }).click();
    await parent.getByLabel(a.fields.illness.diagnosis).fill("急性淋巴细胞白血病");
    await parent.getByLabel(a.fields.illness.hospital).fill("盛京医院");
    await parent.getByLabel(a.fields.illness.totalCost).fill("86000");
    await parent.getByLabel(a.fields.illness.reimbursed).fill("52000");
    await saveSection(parent, lng, "illness");

    await parent.getByRole("link", { name: new RegExp(a.sections.reason.title) }).click();
    await parent.getByLabel(a.options.reliefType.expense, { exact: true }).check();
    await parent.getByLabel(a.options.urgency["this-week"], { exact: true }).check();
    await parent.getByLabel(a.fields.reason.description).fill("孩子住院化疗，家庭无力承担自付费用。");
    await saveSection(parent, lng, "reason");

    await parent.getByRole("link", { name: new RegExp(a.sections.bank.title) }).click();
    await parent.getByLabel(a.fields.bank.bankName).fill("农业银行");
    await parent.getByLabel(a.fields.bank.account).fill("6228 4800 0000 0000 000");
    await saveSection(parent, lng, "bank");

    await parent.getByRole("link", { name: new RegExp(a.sections.declarations.title) }).click();
    await parent.getByRole("checkbox", { name: a.fields.declarations.truthful }).check();
    await parent.getByRole("checkbox", { name: a.fields.declarations.consentSensitive }).check();
    await parent.getByRole("checkbox", { name: a.fields.declarations.consentCheck }).check();
    await saveSection(parent, lng, "declarations");

    await parent.getByRole("link", { name: new RegExp(a.sections.documents.title) }).click();
    // Every document will follow (the list is there once the page is).
    await expect(parent.getByTestId("to-follow-form").getByRole("checkbox").first()).toBeVisible();
    for (const box of await parent.getByTestId("to-follow-form").getByRole("checkbox").all()) await box.check();
    await parent.getByTestId("save-documents").click();
    await expect(parent.getByTestId("status-documents")).toHaveText(a.taskList.completed);

    await parent.getByTestId("go-review").click();
    await parent.getByTestId("submit-application").click();
    await expect(parent).toHaveURL(new RegExp(`/${lng}/apply/submitted/[a-z0-9]+$`));
    const reference = (await parent.getByTestId("reference").innerText()).trim();
    expect(reference).toMatch(/^SY2026-\d{6}-[0-9A-Z]$/);
    await parentContext.close();

    // The case shows 临时救助 applied, with the application's reference.
    await page.goto(casePath);
    await expect(page.getByTestId("state-temporary-assistance")).toHaveText(z.states.applied);
    await expect(page.getByTestId("case-applied")).toContainText(reference);
    await expect(page.getByTestId("case-invite")).toHaveCount(0);

    // The school closes the case: the outcome summary (the granted total), then read-only.
    await page.getByTestId("case-close").click();
    await expect(page.getByTestId("close-confirm")).toBeVisible(); // the confirmation box is required
    await page.getByTestId("close-confirm").check();
    await page.getByTestId("case-close").click();
    await expect(page.getByText(z.close.closedNotice)).toBeVisible();
    await expect(page.getByTestId("case-outcome-total")).toHaveAttribute("data-amount", "1200.00");
    await expect(page.getByTestId("case-outcome-total")).toContainText("1,200.00");
    await expect(page.getByTestId("save-education-aid")).toHaveCount(0);
    await expect(page.getByTestId("case-close")).toHaveCount(0);
    await expect(page.getByTestId("case-reopen")).toBeVisible();
    await page.goto(`/${lng}/school/cases`);
    await expect(page.getByTestId("case-link").filter({ hasText: `${pupil.name[0]}*${pupil.name.slice(-1)}` }).getByTestId("case-closed-label")).toHaveText(/.+/);

    // Area education staff see the case masked, with the school and the checklist's states, and no pupil rows.
    const eduContext = await browser.newContext({ baseURL });
    const edu = await eduContext.newPage();
    await signInStaff(edu, lng, "edu01");
    await expect(edu).toHaveURL(new RegExp(`/${lng}/staff$`));
    await edu.getByTestId("education-link").click();
    await expect(edu.getByTestId("school-table-row")).toHaveCount(1);
    const card = edu.getByTestId("education-case").filter({ hasText: `${pupil.name[0]}*${pupil.name.slice(-1)}` }).first();
    await expect(card).toContainText(lng === "zh-Hans" ? "沈阳市示例第一小学" : "瀋陽市示例第一小學");
    await expect(card.getByTestId("education-item-temporary-assistance")).toContainText(z.states.applied);
    await expect(card.getByTestId("education-item-education-aid")).toContainText(z.states.granted);
    await expect(card.getByTestId("education-case-status")).toHaveAttribute("data-status", "closed");
    await expect(card.getByTestId("education-case-status")).toContainText("1,200.00");
    await expect(edu.locator("main")).not.toContainText(pupil.name);
    await expect(edu.locator("main")).not.toContainText("白血病");
    // Nor may they open the school's roster or the case page.
    const roster = await edu.goto(`/${lng}/school/roster`);
    expect(roster?.status()).toBe(404);
    const caseResponse = await edu.goto(casePath);
    expect(caseResponse?.status()).toBe(404);
    await eduContext.close();
  });
}

// Pupils 9 and 11 of the demo roster (二年级, not in the demo teacher's class): a case opened on paper consent,
// closed, and reopened by the school with a reason.
const REOPEN_PUPILS = {
  "zh-Hans": { name: "吴俊杰", idNumber: idNumber("21010220190119909") },
  "zh-Hant": { name: "孙诗涵", idNumber: idNumber("21010220190311911") },
} as const;

for (const lng of scripts) {
  test(`${lng}: the school reopens a closed 专班 case with a reason: editable again, the reason kept encrypted and out of sight, education staff see it open, the audit has it`, async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const z = texts[lng];
    const pupil = REOPEN_PUPILS[lng];
    const maskedName = `${pupil.name[0]}*${pupil.name.slice(-1)}`;
    const reason = lng === "zh-Hans" ? "家长又收到医院的化疗账单，需要再申请救助" : "家長又收到醫院的化療賬單，需要再申請救助";
    await forgetRateLimits();

    // Opened on the parent's signed paper form, 教育资助 recorded, then closed.
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    await page.goto(`/${lng}/school/cases`);
    await page.getByTestId("case-idNumber").fill(pupil.idNumber);
    await page.getByTestId("case-giverName").fill("吴某某");
    await page.getByTestId("case-relation-father").check();
    await page.getByTestId("case-illness").fill("再生障碍性贫血");
    await page.getByTestId("case-consentConfirmed").check();
    await page.getByTestId("case-open").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/school/cases/[a-z0-9]+$`));
    const casePath = new URL(page.url()).pathname;
    const caseId = casePath.split("/").pop()!;
    await page.getByTestId("select-education-aid").selectOption("granted");
    await page.getByTestId("amount-education-aid").fill("500");
    await page.getByTestId("save-education-aid").click();
    await expect(page.getByTestId("state-education-aid")).toContainText("500.00");
    await page.getByTestId("close-confirm").check();
    await page.getByTestId("case-close").click();
    await expect(page.getByText(z.close.closedNotice)).toBeVisible();
    await expect(page.getByTestId("case-closed")).toBeVisible();
    await expect(page.getByTestId("save-education-aid")).toHaveCount(0);
    await expect(page.getByTestId("case-reopen")).toHaveText(z.close.reopenSubmit);

    // A blank reason (spaces pass the browser's check, not the server's): refused where the reason is typed, still closed.
    await page.getByTestId("reopen-reason").fill("  ");
    await page.getByTestId("case-reopen").click();
    await expect(page.getByTestId("reopen-error")).toHaveText(z.errors.required);
    await expect(page.getByTestId("reopen-error")).toBeInViewport();
    await expect(page.getByTestId("case-closed")).toBeVisible();
    expect((await schoolCaseRow(caseId))?.status).toBe("closed");

    // Reopened with a reason: the notice, the date, the checklist editable again, close offered again.
    await page.getByTestId("reopen-reason").fill(reason);
    await page.getByTestId("case-reopen").click();
    await expect(page).toHaveURL(new RegExp(`${casePath}\\?reopened=1$`));
    await expect(page.getByText(z.close.reopenedNotice)).toBeVisible();
    await expect(page.getByTestId("case-closed")).toHaveCount(0);
    await expect(page.getByTestId("case-reopened-on")).toContainText(z.close.reopenedOn.split("{{date}}")[1].trim());
    await expect(page.getByTestId("case-close")).toBeVisible();
    await expect(page.getByTestId("case-reopen")).toHaveCount(0);
    // The reason is not shown back, even to the school (it is kept encrypted and counted in the audit).
    await expect(page.locator("main")).not.toContainText(reason);
    await page.getByTestId("amount-education-aid").fill("900");
    await page.getByTestId("save-education-aid").click();
    await expect(page.getByTestId("state-education-aid")).toContainText("900.00");

    // Stored: open again, the reason only as ciphertext; the audit has the close and then the reopen, without the words.
    const row = await schoolCaseRow(caseId);
    expect(row?.status).toBe("open");
    expect(row?.reopenedAt).not.toBeNull();
    expect(row?.reopenReasonEncrypted).toBeTruthy();
    expect(row?.reopenReasonEncrypted).not.toContain(reason);
    expect(row?.reopenReasonEncrypted).not.toContain(reason.slice(0, 4));
    const audit = (await auditOf(caseId)).map((e) => e.action).filter((a) => a.startsWith("school.case.") && a !== "school.case.view");
    expect(audit).toEqual(["school.case.open", "school.case.item", "school.case.close", "school.case.reopen", "school.case.item"]);
    const reopened = (await auditOf(caseId)).find((e) => e.action === "school.case.reopen")!;
    expect(reopened.actorType).toBe("staff");
    expect(reopened.reason ?? "").not.toContain(reason.slice(0, 4));

    // Area education staff: the case is open again (not closed, no outcome), masked, with neither the reason nor the illness.
    const eduContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": lng === "zh-Hans" ? "198.51.100.61" : "198.51.100.62" } });
    const edu = await eduContext.newPage();
    await signInStaff(edu, lng, "edu01");
    await expect(edu).toHaveURL(new RegExp(`/${lng}/staff$`));
    await edu.goto(`/${lng}/staff/education`);
    const card = edu.getByTestId("education-case").filter({ hasText: maskedName });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("education-case-status")).toHaveAttribute("data-status", "open");
    await expect(card.getByTestId("education-case-status")).toHaveText(z.education.open);
    await expect(card.getByTestId("education-item-education-aid")).toContainText(z.states.granted);
    await expect(edu.locator("main")).not.toContainText(reason);
    await expect(edu.locator("main")).not.toContainText("再生障碍");
    await expect(edu.locator("main")).not.toContainText(pupil.name);
    // Education staff cannot reopen or close (they cannot even open the case page).
    expect((await edu.goto(casePath))?.status()).toBe(404);
    await eduContext.close();
  });
}
