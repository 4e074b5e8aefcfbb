import { expect, test } from "@playwright/test";
import { expectAccessible, useLargeText } from "@/tests/e2e/flow-helpers";
import { text } from "@/tests/e2e/helpers";

for (const [lng, large] of [
  ["zh-Hans", false],
  ["zh-Hant", true],
] as const) {
  test(`${lng}${large ? " 长辈版" : ""}: a 低保 pupil in 沈阳 from the first question to results to an estimate`, async ({ page, baseURL }) => {
    const t = text[lng].eligibility;
    const e = text[lng].estimate;
    if (large) await useLargeText(page, baseURL);
    await page.goto(`/${lng}/eligibility`);
    if (large) await expect(page.locator("html")).toHaveClass(/large-text/);
    await expectAccessible(page, "start");
    await page.getByTestId("start").click();

    const next = () => page.getByRole("button", { name: t.continue }).click();
    // 1. place: "what does this mean?" opens, then answer.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await page.getByText(t.whatDoesThisMean).click();
    await expect(page.getByText(t.question.place.help)).toBeVisible();
    await expectAccessible(page, "question place");
    // Continuing without an answer: an error summary linking to the field.
    await next();
    await expect(page.getByTestId("error-summary")).toContainText(t.error.required);
    await expectAccessible(page, "question place with error");
    await page.locator('input[name="policy"][value="shenyang-2023"]').check();
    await next();
    // 2. who
    await page.getByLabel(t.question.who.pupil).check();
    await expectAccessible(page, "question who");
    await next();
    // 3. age
    await page.getByLabel(t.question.age.title).fill("9");
    await next();
    // Back works and keeps the answer; reload keeps it too.
    await page.getByTestId("back").click();
    await expect(page.getByLabel(t.question.age.title)).toHaveValue("9");
    await page.reload();
    await expect(page.getByLabel(t.question.age.title)).toHaveValue("9");
    await next();
    // 4. insurance, 5. enrolled
    await page.getByLabel(t.question.insurance.resident).check();
    await next();
    await page.getByLabel(t.yes, { exact: true }).check();
    await next();
    // 6. certifications
    await page.getByLabel(t.rules.cert.dibao, { exact: true }).check();
    await expectAccessible(page, "question certs");
    await next();
    // 7–9
    for (let i = 0; i < 3; i++) {
      await page.getByLabel(t.no, { exact: true }).check();
      await next();
    }
    // Check your answers, with a change link that comes back here.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.check.title);
    await expect(page.getByTestId("answer-certs")).toHaveText(t.rules.cert.dibao);
    await expectAccessible(page, "check answers");
    await page.getByTestId("change-age").click();
    await page.getByLabel(t.question.age.title).fill("10");
    await next();
    await expect(page.getByTestId("answer-age")).toContainText("10");
    await page.getByTestId("see-results").click();

    // Results: grouped, 医疗救助 yes (六、1), the one-time aid no (it is for those without 低保).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.results.title);
    await expect(page.getByTestId("group-eligible").getByTestId("programme-medical-assistance")).toBeVisible();
    await expect(page.getByTestId("group-not-eligible").getByTestId("programme-one-time-medical-poverty")).toBeVisible();
    await expect(page.getByTestId("group-eligible").getByTestId("programme-education-aid")).toBeVisible();
    await expect(page.getByText(t.results.disclaimer)).toBeVisible();
    await expectAccessible(page, "results");

    // Into the estimate, prefilled with place, categories, insurance and age.
    await page.getByTestId("to-estimate").click();
    await expectAccessible(page, "estimate start");
    await page.getByRole("link", { name: new RegExp(e.withoutBill) }).click();
    await expect(page.locator("#f-policy")).toHaveValue("shenyang-2023");
    await expect(page.locator('input[name="cat"][value="dibao"]')).toBeChecked();
    await expect(page.locator('input[name="cat"][value="student"]')).toBeChecked();
    await expect(page.getByLabel(e.field.age.label)).toHaveValue("10");
    await expectAccessible(page, "estimate form");
    await page.getByLabel(e.field.total.label).fill("50000");
    await page.getByTestId("estimate-submit").click();
    await expect(page.getByTestId("personal")).toBeVisible();
    await expect(page.getByTestId("disclaimer")).toHaveText(e.result.disclaimer);
    await expect(page.getByTestId("typical-note")).toBeVisible();
    await expectAccessible(page, "estimate result");
  });
}

test("zh-Hant: a family with no certification gets 'maybe — needs 认定' for 因病致贫 and a path to 临时救助", async ({ page }) => {
  const t = text["zh-Hant"].eligibility;
  const q = "policy=national-2021&who=adult&age=&insurance=resident&enrolled=yes&cert=none&costs=yes&union=no&urgent=no";
  await page.goto(`/zh-Hant/eligibility/check?${q}`);
  await expect(page.getByTestId("answer-certs")).toHaveText(t.question.certs.none);
  await page.getByTestId("see-results").click();
  const maybe = page.getByTestId("group-maybe");
  for (const id of ["medical-assistance", "temporary-relief", "dibao-inclusion"]) {
    await expect(maybe.getByTestId(`programme-${id}`)).toContainText(t.results.needsRecognition);
  }
  // "maybe" is not "no": what 认定 involves is explained.
  await expect(page.getByTestId("recognition")).toContainText(t.results.recognitionHeading);
  await expect(page.getByTestId("group-not-eligible").getByTestId("programme-medical-assistance")).toHaveCount(0);
  const apply = page.getByTestId("to-apply");
  await expect(apply).toHaveText(t.results.toApply);
  const href = new URL((await apply.getAttribute("href"))!, "http://x");
  expect(href.pathname).toBe("/zh-Hant/apply");
  expect(href.searchParams.get("from")).toBe("eligibility");
  expect(href.searchParams.get("policy")).toBe("national-2021");
  await expectAccessible(page, "results (no certification)");
});

test("POST /api/v1/eligibility answers every programme and rejects unknown fields in the request's script", async ({ request }) => {
  const body = { policy: "shenyang-2023", who: "pupil", insurance: "resident", enrolled: true, certifications: ["dibao"], highCosts: false, union: false, urgent: false };
  const ok = await request.post("/api/v1/eligibility", { data: body });
  expect(ok.status()).toBe(200);
  const json = await ok.json();
  expect(json.programmes).toHaveLength(14);
  expect(json.programmes.find((p: { id: string }) => p.id === "medical-assistance").status).toBe("eligible");
  const bad = await request.post("/api/v1/eligibility", { data: { ...body, idNumber: "x", locale: "zh-Hant" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0]).toEqual({ path: "idNumber", message: "不認識的字段“idNumber”，請刪除它。" });
});
