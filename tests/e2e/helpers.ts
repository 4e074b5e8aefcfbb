import { expect, type Page } from "@playwright/test";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import applyHans from "@/locales/zh-Hans/apply.json";
import authHans from "@/locales/zh-Hans/auth.json";
import commonHans from "@/locales/zh-Hans/common.json";
import consoleHans from "@/locales/zh-Hans/console.json";
import eligibilityHans from "@/locales/zh-Hans/eligibility.json";
import estimateHans from "@/locales/zh-Hans/estimate.json";
import staffHans from "@/locales/zh-Hans/staff.json";
import applyHant from "@/locales/zh-Hant/apply.json";
import authHant from "@/locales/zh-Hant/auth.json";
import commonHant from "@/locales/zh-Hant/common.json";
import consoleHant from "@/locales/zh-Hant/console.json";
import eligibilityHant from "@/locales/zh-Hant/eligibility.json";
import estimateHant from "@/locales/zh-Hant/estimate.json";
import staffHant from "@/locales/zh-Hant/staff.json";

export const scripts = ["zh-Hans", "zh-Hant"] as const;
export type Script = (typeof scripts)[number];
// Every UI namespace, so tests find elements by the words a user sees in each script.
export const text = {
  "zh-Hans": { auth: authHans, common: commonHans, staff: staffHans, eligibility: eligibilityHans, estimate: estimateHans, apply: applyHans, console: consoleHans },
  "zh-Hant": { auth: authHant, common: commonHant, staff: staffHant, eligibility: eligibilityHant, estimate: estimateHant, apply: applyHant, console: consoleHant },
};

export const demoPassword = "demo-password";

/** A fake but well-formed ID number: the first 17 digits with their GB 11643 check character. */
export const withCheckDigit = (first17: string) => first17 + idNumberCheckCharacter(first17);

/** Reads the newest one-time code sent to a number from the demo SMS outbox, as a tester with a second phone would. */
export async function readCodeFromOutbox(page: Page, lng: Script, phone: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto(`/${lng}/dev/outbox`);
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const message = outbox.getByTestId("outbox-message").filter({ has: outbox.getByTestId("outbox-to").getByText(masked, { exact: true }) }).first();
  await expect(message).toBeVisible();
  const body = await message.getByTestId("outbox-body").innerText();
  await outbox.close();
  const code = body.match(/\d{6}/)?.[0];
  expect(code, `a 6-digit code in "${body}"`).toBeTruthy();
  return code!;
}

export async function requestCode(page: Page, lng: Script, phone: string) {
  await page.goto(`/${lng}/login`);
  await page.getByLabel(text[lng].auth.citizen.phoneLabel).fill(phone);
  await page.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
  await expect(page.getByLabel(text[lng].auth.citizen.codeLabel)).toBeVisible();
}

export async function signInCitizen(page: Page, lng: Script, phone: string) {
  await requestCode(page, lng, phone);
  const code = await readCodeFromOutbox(page, lng, phone);
  await page.getByLabel(text[lng].auth.citizen.codeLabel).fill(code);
  await page.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
}

export async function signInStaff(page: Page, lng: Script, username: string, password = demoPassword) {
  await page.goto(`/${lng}/staff/login`);
  await page.getByLabel(text[lng].auth.staff.usernameLabel).fill(username);
  await page.getByLabel(text[lng].auth.staff.passwordLabel).fill(password);
  await page.getByRole("button", { name: text[lng].auth.staff.submit, exact: true }).click();
}
