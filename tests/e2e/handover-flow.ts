import { expect, type Browser, type Page } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { readQrScreenshot } from "@/tests/e2e/pdf";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { readCodeFromOutbox, signInCitizen, signInStaff, text, type Script, withCheckDigit } from "@/tests/e2e/helpers";

// Steps shared by the hand-over specs and the layout check: a desk worker's assisted draft shown as a QR code,
// a citizen's own draft made on their phone, and signing in on the phone from the hand-over page.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };

export type Applicant = { name: string; id17: string; phone: string };

/** The applicant's phone: 390 px wide, its own browser (and its own client address, when given). */
export async function phoneContext(browser: Browser, baseURL: string | undefined, ip?: string) {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...(ip ? { extraHTTPHeaders: { "x-forwarded-for": ip } } : {}) });
}

/**
 * At the desk (desk01): a new session for the applicant (paper consent), the applicant section of the assisted
 * draft filled, the hand-over QR code shown. Returns the session and the URL the QR code carries (read off it).
 */
export async function deskDraftShownByQr(page: Page, lng: Script, who: Applicant): Promise<{ sessionPath: string; sessionId: string; handoverUrl: string }> {
  const t = desk[lng];
  const a = text[lng].apply;
  await signInStaff(page, lng, "desk01");
  await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
  await page.goto(`/${lng}/desk`);
  const form = page.getByTestId("person-new");
  await form.getByLabel(t.home.name).fill(who.name);
  await form.getByLabel(t.home.idNumber).fill(withCheckDigit(who.id17));
  await form.getByLabel(t.home.phoneOptional).fill(who.phone);
  await form.getByLabel(t.home.consent).check();
  await page.getByTestId("start-new").click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/desk/sessions/[a-z0-9]+$`));
  const sessionPath = new URL(page.url()).pathname;
  await page.goto(`${sessionPath}/apply`);
  const handoverUrl = await applicantSectionThenQr(page, lng, sessionPath, "鹿寨县某屯 8 号");
  return { sessionPath, sessionId: sessionPath.split("/").pop()!, handoverUrl };
}

/**
 * At the desk, on the session's assisted application: the applicant section filled (the address as the applicant
 * tells it), then the session's hand-over QR code shown. Returns the URL the QR code carries (read off it).
 */
export async function applicantSectionThenQr(page: Page, lng: Script, sessionPath: string, address: string): Promise<string> {
  const a = text[lng].apply;
  await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.applicant.title) }).click();
  await page.getByTestId("section-form").getByLabel(a.fields.applicant.address, { exact: true }).fill(address);
  await page.getByTestId("by-applicant-address").check();
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId("status-applicant")).toHaveText(a.taskList.completed);
  await page.goto(sessionPath);
  await page.getByTestId("handover-link").click();
  await expect(page).toHaveURL(new RegExp(`${sessionPath}/handover$`));
  const qr = page.getByTestId("handover-qr");
  await expect(qr).toBeVisible();
  const handoverUrl = await readQrScreenshot(await qr.screenshot());
  expect(handoverUrl).toMatch(new RegExp(`/${lng}/handover/[A-Za-z0-9_-]{24}$`));
  return handoverUrl;
}

/** On the citizen's own phone, before the desk: signed in, the household section of their own draft saved. */
export async function ownDraftOnPhone(phone: Page, lng: Script, number: string): Promise<void> {
  const a = text[lng].apply;
  await signInCitizen(phone, lng, number);
  await expect(phone).toHaveURL(new RegExp(`/${lng}/me$`));
  await phone.goto(`/${lng}/apply`);
  await phone.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.household.title) }).click();
  await phone.getByLabel(a.fields.household.size).fill("3");
  await phone.getByLabel(a.fields.household.monthlyIncome).fill("1500");
  await phone.getByLabel(a.options.certifications.none, { exact: true }).check();
  await phone.getByTestId("save-section").click();
  await expect(phone.getByTestId("status-household")).toHaveText(a.taskList.completed);
}

/** On the hand-over page, signed out: sign in by SMS code (read from the demo outbox), back on the same page. */
export async function signInFromHandover(phone: Page, lng: Script, handoverUrl: string, number: string): Promise<void> {
  const auth = text[lng].auth.citizen;
  // The number may have had a code a minute ago (its own draft): the per-number resend limit is not under test here.
  await forgetRateLimits();
  await phone.getByTestId("handover-sign-in").click();
  await phone.getByLabel(auth.phoneLabel).fill(number);
  await phone.getByRole("button", { name: auth.sendCode }).click();
  const code = await readCodeFromOutbox(phone, lng, number);
  await phone.getByLabel(auth.codeLabel).fill(code);
  await phone.getByRole("button", { name: auth.submit, exact: true }).click();
  await expect(phone).toHaveURL(handoverUrl);
}
