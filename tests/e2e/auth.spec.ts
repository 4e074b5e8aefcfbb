import { expect, test } from "@playwright/test";
import { readCodeFromOutbox, requestCode, scripts, signInCitizen, signInStaff, text } from "@/tests/e2e/helpers";

// Each test uses its own phone number (distinct in the last four digits, the ones the outbox shows) and its own
// client address, so one test's rate limits never touch another's.
test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(testInfo.workerIndex * 50 + testInfo.line) % 250}` });
});

for (const [index, lng] of scripts.entries()) {
  test.describe(`${lng}`, () => {
    test("a citizen signs in with a code read from the SMS outbox", async ({ page }) => {
      const phone = `1391000${1100 + index}`;
      await signInCitizen(page, lng, phone);
      await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
      await expect(page.getByTestId("account")).not.toContainText(text[lng].common.me.notSignedIn);
      // The session holds across pages: progress now lists (no) applications instead of asking to sign in.
      await page.goto(`/${lng}/progress`);
      await expect(page.getByText(text[lng].common.progress.empty)).toBeVisible();
      await page.goto(`/${lng}/me`);
      await page.getByTestId("sign-out").click();
      await expect(page.getByTestId("account")).toContainText(text[lng].common.me.notSignedIn);
    });

    test("a wrong code gets a clear translated error and keeps the number", async ({ page }) => {
      const phone = `1392000${1200 + index}`;
      await requestCode(page, lng, phone);
      const code = await readCodeFromOutbox(page, lng, phone);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      const codeInput = page.getByLabel(text[lng].auth.citizen.codeLabel);
      await codeInput.fill(wrong);
      await page.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(text[lng].auth.errors["code-invalid"]);
      await expect(codeInput).toHaveAttribute("aria-invalid", "true");
      await expect(codeInput).toHaveValue(wrong);
      // Correcting it in place signs in.
      await codeInput.fill(code);
      await page.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
    });

    test("a malformed phone number is refused before anything is sent", async ({ page }) => {
      await page.goto(`/${lng}/login`);
      const phoneInput = page.getByLabel(text[lng].auth.citizen.phoneLabel);
      await phoneInput.fill("1234");
      await page.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(text[lng].auth.errors["phone-invalid"]);
      await expect(phoneInput).toHaveValue("1234");
    });

    test("staff sign in and land on their console", async ({ page }) => {
      await signInStaff(page, lng, "case01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
      await expect(page.getByTestId("staff-role")).toHaveText(text[lng].staff.roles.caseworker);
      await expect(page.getByTestId("application-list")).toBeVisible();
    });

    test("a wrong password gets a clear translated error", async ({ page }) => {
      await signInStaff(page, lng, "desk01", "not-the-password");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(text[lng].auth.errors["credentials-invalid"]);
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff/login$`));
    });
  });
}

test("staff pages refuse citizens and visitors", async ({ page }) => {
  await page.goto("/zh-Hans/staff");
  await expect(page).toHaveURL(/\/zh-Hans\/staff\/login$/);
});

test("a caseworker sees only their own area's applications", async ({ page }) => {
  await signInStaff(page, "zh-Hans", "case02");
  await expect(page).toHaveURL(/\/zh-Hans\/staff$/);
  const list = page.getByTestId("application-list");
  await expect(list).toBeVisible();
  // case02 works for 沈阳 (SY…); 鹿寨's applications (LZ…) must not be listed.
  await expect(list).not.toContainText("LZ");
  await expect(list).toContainText("SY");
});

test("the OTP API rate-limits repeated requests for one number", async ({ request }) => {
  const phone = "13930001300";
  const first = await request.post("/api/v1/auth/otp", { data: { phone } });
  expect(first.status()).toBe(200);
  const second = await request.post("/api/v1/auth/otp", { data: { phone } });
  expect(second.status()).toBe(429);
  const body = await second.json();
  expect(body.error.code).toBe("rate-limited");
  expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
  const bad = await request.post("/api/v1/auth/otp", { data: { phone: "12345" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("phone-invalid");
});
