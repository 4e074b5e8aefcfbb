import { expect, type Page } from "@playwright/test";
import { text, type Script } from "@/tests/e2e/helpers";

/**
 * 查资格 with the applicant inside a desk session's assisted frame (the public questions, framed with whose
 * session it is), from the session page to the results: a 鹿寨 resident, 70, 特困. `onStartPage` runs on the
 * screener's first page (e.g. to check the frame or switch on 长辈版).
 */
export async function screenerInFrame(page: Page, lng: Script, onStartPage: () => Promise<void> = async () => {}) {
  const e = text[lng].eligibility;
  await page.getByTestId("frame-eligibility").click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/eligibility$`));
  await onStartPage();
  await page.getByTestId("start").click();
  const next = () => page.getByRole("button", { name: e.continue }).click();
  await page.locator('input[name="policy"][value="luzhai-2018"]').check();
  await next();
  await page.getByLabel(e.question.who.adult).check();
  await next();
  await page.getByLabel(e.question.age.title).fill("70");
  await next();
  await page.getByLabel(e.question.insurance.resident).check();
  await next();
  await page.getByLabel(e.yes, { exact: true }).check();
  await next();
  await page.getByLabel(e.rules.cert.tekun, { exact: true }).check();
  await next();
  await page.getByLabel(e.yes, { exact: true }).check();
  await next();
  for (let i = 0; i < 2; i++) {
    await page.getByLabel(e.no, { exact: true }).check();
    await next();
  }
  await expect(page.getByTestId("assisted-frame")).toBeVisible();
  await page.getByTestId("see-results").click();
  await expect(page.getByTestId("results-summary")).toBeVisible();
}
