import { expect, test } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInStaff, withCheckDigit } from "@/tests/e2e/helpers";

// An assisted session at the window (窗口帮办) for an older applicant without a phone: consent first
// (refused without the signed 授权书, nothing saved), the session in an assisted frame, the consent
// withdrawn mid-session (the session ends and the desk cannot open it again), and another area's desk refused.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };
// Fake but well-formed ID numbers (check digit computed), one per script so the runs do not meet.
const ELDER_IDS = { "zh-Hans": "450223194203150021", "zh-Hant": "450223194108200048" };


for (const lng of scripts) {
  test.describe(`help desk session (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("a no-phone elderly applicant: consent first, the assisted frame, consent withdrawn mid-session; another area's desk is refused", async ({ page, browser, baseURL }) => {
      const t = desk[lng];
      const idNumber = withCheckDigit(ELDER_IDS[lng].slice(0, 17));
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      await page.goto(`/${lng}/desk`);

      // Without the signed 授权书: refused with a clear message, and nobody is found afterwards.
      const form = page.getByTestId("person-new");
      await form.getByLabel(t.home.name).fill("韦阿公");
      await form.getByLabel(t.home.idNumber).fill(idNumber);
      await page.getByTestId("start-new").click();
      await expect(form.getByText(t.errors["consent-required"])).toBeVisible();
      await page.getByTestId("person-search").getByLabel(t.home.idNumber).fill(idNumber);
      await page.getByTestId("person-search").getByRole("button", { name: t.home.search }).click();
      await expect(page.getByTestId("person-none")).toBeVisible();

      // With it: the session starts; no phone is fine.
      await form.getByLabel(t.home.consent).check();
      await page.getByTestId("start-new").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/sessions/[a-z0-9]+$`));
      const sessionUrl = new URL(page.url()).pathname;
      await expect(page.getByTestId("session-person")).toHaveText("韦*公");
      await expect(page.getByTestId("assisted-frame")).toContainText(t.home.noPhone);
      await expect(page.getByTestId("assisted-frame")).not.toContainText(idNumber);
      await expect(page.getByTestId("consent-record")).toContainText(t.session.methods.paper);

      // Another area's desk (沈阳) cannot open it.
      const other = await browser.newContext({ baseURL });
      const otherPage = await other.newPage();
      await signInStaff(otherPage, lng, "desk02");
      await expect(otherPage).toHaveURL(new RegExp(`/${lng}/staff$`));
      expect((await otherPage.goto(sessionUrl))?.status()).toBe(404);
      await other.close();

      // The applicant withdraws consent mid-session: the session ends and cannot be opened again.
      await page.getByTestId("withdraw-consent").click();
      await expect(page.getByTestId("withdrawn")).toHaveText(t.session.withdrawn);
      await expect(page.getByTestId("today-session").first()).toHaveAttribute("data-status", "withdrawn");
      expect((await page.goto(sessionUrl))?.status()).toBe(404);
    });

    test("the desk's queue: 补正 due soon with the phone masked; a walk-in found by reference + ID number, a wrong one finds nothing", async ({ page }) => {
      const t = desk[lng];
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      await page.getByTestId("desk-home-link").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk$`));
      // The seeded 补正 (LZ2026-000004, 演示用户乙 13800000002) is due: listed with the phone masked.
      const due = page.getByTestId("due-soon-item").filter({ hasText: "LZ2026-000004" });
      await expect(due).toContainText("138****0002");
      await expect(page.getByTestId("due-soon")).not.toContainText("13800000002");
      const reference = (await due.getByRole("link").innerText()).trim();

      const walkIn = page.getByTestId("walk-in");
      await walkIn.getByLabel(t.queue.reference).fill(reference);
      await walkIn.getByLabel(t.queue.idNumber).fill(withCheckDigit("11010119900307451"));
      await walkIn.getByRole("button", { name: t.queue.find }).click();
      await expect(page.getByTestId("walk-in-none")).toHaveText(t.queue.notFound);
      await walkIn.getByLabel(t.queue.idNumber).fill(withCheckDigit("45022319800101104"));
      await walkIn.getByRole("button", { name: t.queue.find }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff/applications/[a-z0-9]+$`));
      await expect(page.getByTestId("desk-paper-links")).toBeVisible();
    });
  });
}
