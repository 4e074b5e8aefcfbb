import { expect, test, type ConsoleMessage } from "@playwright/test";
import errorsHans from "@/locales/zh-Hans/errors.json";
import errorsHant from "@/locales/zh-Hant/errors.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { requestCode, scripts, signInCitizen, signInStaff, text } from "@/tests/e2e/helpers";

// Issue 13, as an attacker would try it in a browser: off-site redirects, a cookie copied before sign-out,
// bad input that used to give English 500 pages, and the Content-Security-Policy on pages that must still work.

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${(testInfo.line * 3) % 250}` });
});

test.describe("redirects stay on the site", () => {
  for (const returnTo of ["/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "//evil.example", "/%2F%2Fevil.example"]) {
    test(`the large-text switch refuses returnTo=${JSON.stringify(returnTo)}`, async ({ request }) => {
      const res = await request.post("/api/v1/preferences/large-text", { form: { enabled: "1", returnTo }, maxRedirects: 0 });
      expect(res.status()).toBe(303);
      expect(res.headers()["location"]).toBe("/");
    });
  }

  test("a signed-in citizen sent to the sign-in page with an off-site returnTo lands on their own page", async ({ page }) => {
    await forgetRateLimits();
    await signInCitizen(page, "zh-Hans", "13930001301");
    await expect(page).toHaveURL(/\/zh-Hans\/me$/);
    await page.goto("/zh-Hans/login?returnTo=/%09/evil.example");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/zh-Hans\/me$/);
    // A newline used to answer 500.
    const res = await page.goto("/zh-Hans/login?returnTo=/%0A/evil.example");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/zh-Hans\/me$/);
  });
});

test.describe("sign-out ends the session", () => {
  test("a citizen's cookie copied before sign-out is refused after it", async ({ page, browser }) => {
    await forgetRateLimits();
    await signInCitizen(page, "zh-Hant", "13930001302");
    await expect(page).toHaveURL(/\/zh-Hant\/me$/);
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);

    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("account")).toContainText(text["zh-Hant"].common.me.notSignedIn);

    const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      await thief.addCookies(copied);
      const stolen = await thief.newPage();
      await stolen.goto("/zh-Hant/me");
      await expect(stolen.getByTestId("account")).toContainText(text["zh-Hant"].common.me.notSignedIn);
      expect((await (await thief.request.get("/api/auth/session")).json()).user).toBeUndefined();
      await stolen.goto("/zh-Hant/progress");
      await expect(stolen.getByText(text["zh-Hant"].common.progress.empty)).toHaveCount(0);
    } finally {
      await thief.close();
    }
  });

  test("a staff cookie copied before sign-out no longer opens the console", async ({ page, browser }) => {
    await signInStaff(page, "zh-Hans", "approver02");
    await expect(page).toHaveURL(/\/zh-Hans\/staff$/);
    const copied = await page.context().cookies();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/zh-Hans\/staff\/login$/);

    const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      await thief.addCookies(copied);
      const stolen = await thief.newPage();
      await stolen.goto("/zh-Hans/staff");
      await expect(stolen).toHaveURL(/\/zh-Hans\/staff\/login$/);
    } finally {
      await thief.close();
    }
  });
});

test.describe("staff sign-in is slowed, never locked", () => {
  test("repeated wrong passwords from one address slow that address; the caseworker signs in from theirs", async ({ page, browser }) => {
    // After 3 free tries the waits are 2 s, 4 s, 8 s …: a browser that keeps guessing soon arrives too early.
    const errors = text["zh-Hant"].auth.errors;
    const answers: string[] = [];
    for (let i = 0; i < 8 && !answers.includes(errors["too-many-attempts"]); i++) {
      await signInStaff(page, "zh-Hant", "case01", `wrong-${i}`);
      const alert = page.getByRole("main").getByRole("alert");
      await expect(alert).toHaveText(new RegExp(`^(${errors["credentials-invalid"]}|${errors["too-many-attempts"]})$`));
      answers.push(await alert.innerText());
    }
    expect(answers.slice(0, 3)).toEqual(Array(3).fill(errors["credentials-invalid"]));
    expect(answers.at(-1)).toBe(errors["too-many-attempts"]);

    // The old lock refused the owner everywhere for 15 minutes after 5 tries by anyone.
    const desk = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "192.0.2.250" } });
    try {
      const own = await desk.newPage();
      await signInStaff(own, "zh-Hant", "case01");
      await expect(own).toHaveURL(/\/zh-Hant\/staff$/);
    } finally {
      await desk.close();
    }
  });
});

test("an unknown API path answers JSON, not Next's English page", async ({ request }) => {
  const res = await request.get("/api/v1/no-such-thing");
  expect(res.status()).toBe(404);
  // The API's one error body (issue 11): a code, a sentence, no field issues.
  expect(await res.json()).toEqual({ error: { code: "not-found", message: "没有找到，或您无权查看。", issues: [] } });
});

for (const lng of scripts) {
  const errors = lng === "zh-Hant" ? errorsHant : errorsHans;

  test.describe(`${lng}: translated error pages`, () => {
    test("an unknown page is a 404 in the page's script", async ({ page }) => {
      const res = await page.goto(`/${lng}/no-such-page`);
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId("not-found")).toContainText(text[lng].common.errors.notFoundBody);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
    });

    test("a draft section over 1 MB gets a translated error, not a 500", async ({ page }) => {
      await forgetRateLimits();
      await signInCitizen(page, lng, lng === "zh-Hans" ? "13930001303" : "13930001304");
      await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
      await page.goto(`/${lng}/apply/reason`);
      const description = page.locator('textarea[name="description"]');
      await description.evaluate((el: HTMLTextAreaElement) => {
        el.removeAttribute("maxlength");
        el.value = "很长的说明".repeat(80_000);
      });
      await page.getByRole("button", { name: text[lng].apply.saveAndContinue }).click();
      await expect(page.getByTestId("error-page")).toContainText(errors.serverError.body);
      await expect(page.getByRole("heading", { name: errors.serverError.title })).toBeVisible();
    });

    test("without JavaScript, the same oversized form gets a translated 413 page", async ({ browser }) => {
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false });
      try {
        const res = await context.request.post(`/${lng}/apply/reason`, {
          form: { description: "x".repeat(1100 * 1024) },
          headers: { accept: "text/html" },
        });
        expect(res.status()).toBe(413);
        const body = await res.text();
        expect(body).toContain(errors.tooLarge.title);
        expect(body).toContain(errors.tooLarge.body.replace("{{limit}}", "1 MB"));
      } finally {
        await context.close();
      }
    });
  });
}

test.describe("Content-Security-Policy", () => {
  test("every page carries a policy with a fresh nonce, its scripts carry that nonce, and the page still works", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/zh-Hans/login");
    const policy = first?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

    const second = await page.goto("/zh-Hans/login");
    expect(second?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

    // Hydrated under the policy: sending a code is JavaScript (fetch), and the resend countdown ticks.
    await forgetRateLimits();
    await requestCode(page, "zh-Hans", "13930001305");
    const resend = page.getByRole("button", { name: /秒后可重新获取/ });
    const before = await resend.innerText();
    await expect(resend).not.toHaveText(before, { timeout: 5_000 });
    // The script switch keeps the page (client-side path).
    await page.getByTestId("switch-script").click();
    await expect(page).toHaveURL(/\/zh-Hant\/login$/);
    expect(violations).toEqual([]);
  });

  test("no security header is missing on pages, and HSTS is not sent over plain HTTP", async ({ request }) => {
    const res = await request.get("/zh-Hant/eligibility");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });
});
