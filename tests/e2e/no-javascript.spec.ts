import { expect, test } from "@playwright/test";
import { text } from "@/tests/e2e/helpers";

// Slow or absent JavaScript: every step is a plain GET form the server answers, so the flows still work.
test.use({ javaScriptEnabled: false });

test("zh-Hans without JavaScript: the screener reaches its results and the estimate form its result", async ({ page }) => {
  const t = text["zh-Hans"].eligibility;
  const e = text["zh-Hans"].estimate;
  await page.goto("/zh-Hans/eligibility/q/place");
  const next = () => page.getByRole("button", { name: t.continue }).click();
  await page.locator('input[name="policy"][value="urumqi-2023"]').check();
  await next();
  await page.getByLabel(t.question.who.adult).check();
  await next();
  await next(); // age left empty
  await page.getByLabel(t.question.insurance.none).check();
  await next(); // the enrolled question is skipped for the uninsured
  await expect(page.getByRole("group", { name: t.question.certs.title })).toBeVisible();
  await page.getByLabel(t.rules.cert.tekun, { exact: true }).check();
  await next();
  for (let i = 0; i < 3; i++) {
    await page.getByLabel(t.no, { exact: true }).check();
    await next();
  }
  // Both capsule switches keep the answers, which live in the query.
  await page.getByTestId("toggle-large-text").click();
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expect(page.getByTestId("answer-certs")).toHaveText(t.rules.cert.tekun);
  await page.getByTestId("switch-script").click();
  await expect(page.getByTestId("answer-certs")).toHaveText(text["zh-Hant"].eligibility.rules.cert.tekun);
  await page.getByTestId("switch-script").click();
  await page.getByTestId("toggle-large-text").click();
  await page.getByTestId("see-results").click();
  // 乌鲁木齐: 特困 get 资助参保 and 先诊疗后付费; without insurance the basic layer is "no" with a step to enrol.
  await expect(page.getByTestId("group-eligible").getByTestId("programme-resident-insurance-subsidy")).toBeVisible();
  await expect(page.getByTestId("group-eligible").getByTestId("programme-pay-after-treatment")).toBeVisible();
  await expect(page.getByTestId("group-not-eligible").getByTestId("programme-basic-insurance")).toBeVisible();

  await page.goto("/zh-Hans/estimate/form?mode=typical&policy=urumqi-2023&cat=tekun");
  await page.getByLabel(e.field.total.label).fill("30000");
  await page.getByTestId("estimate-submit").click();
  await expect(page.getByTestId("personal")).toBeVisible();
  await expect(page.getByTestId("disclaimer")).toHaveText(e.result.disclaimer);
});

test("zh-Hant without JavaScript: 再加一次住院 and 刪除 are plain form buttons, and two 鹿寨 stays give each its own 兜底", async ({ page }) => {
  const e = text["zh-Hant"].estimate;
  await page.goto("/zh-Hant/estimate/form?mode=bill&policy=luzhai-2018&date=2018-09-01&cat=poverty-registered");
  await page.locator("#f-total").fill("20000");
  await page.locator("#f-basic").fill("17000");
  await page.locator("#f-critical").fill("1000");
  await page.locator("#f-assistance").fill("1000");
  await page.getByRole("button", { name: e.form.addStay }).click();
  await page.getByRole("button", { name: e.form.addStay }).click();
  await expect(page.getByTestId("stay-3")).toBeVisible();
  await expect(page.locator("#f-basic")).toHaveValue("17000");
  await page.getByTestId("remove-stay-3").click();
  await expect(page.getByTestId("stay-3")).toHaveCount(0);
  await page.locator("#f-s2-total").fill("10000");
  await page.locator("#f-s2-basic").fill("6000");
  await page.locator("#f-s2-assistance").fill("1000");
  await page.getByTestId("estimate-submit").click();
  await expect(page.getByTestId("stays").getByRole("heading", { name: e.result.staysHeading })).toBeVisible();
  await expect(page.getByTestId("stay-1-backstop")).toHaveText("¥0.00");
  await expect(page.getByTestId("stay-2-backstop")).toHaveText("¥2,000.00");
  // The second slip gives no 大病保险 amount: the module computes it from assumed values, so the headline is 约.
  await expect(page.getByTestId("personal")).toHaveText(e.result.approx.replace("{{amount}}", "¥2,000"));
  await expect(page.getByTestId("headline-caveat")).toBeVisible();
});
