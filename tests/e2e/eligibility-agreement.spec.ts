import { expect, test, type Locator, type Page } from "@playwright/test";
import glossaryHans from "@/locales/zh-Hans/glossary.json";
import glossaryHant from "@/locales/zh-Hant/glossary.json";
import { expectAccessible } from "@/tests/e2e/flow-helpers";
import { text } from "@/tests/e2e/helpers";

/** Issue 12: the check agrees with the calculator (enrol first), and jargon is explained in place, in both scripts. */

const glossary = { "zh-Hans": glossaryHans, "zh-Hant": glossaryHant };
const ask = (lng: "zh-Hans" | "zh-Hant", id: keyof typeof glossaryHans.terms) => glossary[lng].ask.replace("{{term}}", glossary[lng].terms[id].term);

/** A glossary term opens in place with the keyboard, shows its sentence, and closes again. */
async function openTermInPlace(page: Page, scope: Locator, lng: "zh-Hans" | "zh-Hant", id: keyof typeof glossaryHans.terms) {
  const details = scope.getByTestId(`term-${id}`).first();
  const explanation = details.getByText(glossary[lng].terms[id].text);
  await expect(explanation).toBeHidden();
  const summary = details.getByText(ask(lng, id));
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(explanation).toBeVisible();
  await expect(details).toHaveAttribute("open", "");
  await summary.click();
  await expect(explanation).toBeHidden();
}

for (const lng of ["zh-Hans", "zh-Hant"] as const) {
  test(`${lng}: an uninsured 鹿寨 建档立卡 household is told to enrol first (资助参保), not promised 兜底`, async ({ page }) => {
    const t = text[lng].eligibility;
    await page.goto(`/${lng}/eligibility/q/insurance?policy=luzhai-2018&who=adult&age=`);
    await page.getByLabel(t.question.insurance.none).check();
    await page.getByRole("button", { name: t.continue }).click();
    // No "premium paid?" question for the uninsured: straight to certifications.
    await page.getByLabel(t.rules.cert["poverty-registered"], { exact: true }).check();
    await page.getByRole("button", { name: t.continue }).click();
    for (let i = 0; i < 3; i++) {
      await page.getByLabel(t.no, { exact: true }).check();
      await page.getByRole("button", { name: t.continue }).click();
    }
    await page.getByTestId("see-results").click();

    const enrol = page.getByTestId("enrol-first");
    await expect(enrol.getByRole("heading")).toHaveText(t.results.enrolFirstHeading);
    await expect(enrol).toContainText(t.rules.reason.enrolFirstWhy);
    await expect(enrol.getByRole("listitem")).toHaveText([t.rules.step.enrolFirst, t.rules.step.enrolSubsidyAsk, t.rules.step.enrolThen]);
    // 兜底 waits on enrolment (鹿寨 三(二)8), never "eligible"; 资助参保 in full for 建档立卡.
    await expect(page.getByTestId("group-eligible").getByTestId("programme-backstop")).toHaveCount(0);
    await expect(page.getByTestId("group-maybe").getByTestId("programme-backstop")).toBeVisible();
    await expect(page.getByTestId("group-eligible").getByTestId("programme-resident-insurance-subsidy")).toBeVisible();
    await openTermInPlace(page, enrol, lng, "subsidy");
    await expectAccessible(page, "results (uninsured 鹿寨)");
  });

  test(`${lng}: glossary terms open in place on the eligibility results and the estimate result`, async ({ page }) => {
    const e = text[lng].estimate;
    await page.goto(`/${lng}/eligibility/results?policy=national-2021&who=adult&age=&insurance=resident&enrolled=yes&cert=dibao&costs=no&union=no&urgent=no`);
    const critical = page.getByTestId("programme-critical-illness-insurance");
    await expect(critical).toContainText(glossary[lng].terms.deductible.term);
    await openTermInPlace(page, critical, lng, "deductible");
    await openTermInPlace(page, page.getByTestId("programme-backstop"), lng, "backstop");

    await page.goto(`/${lng}/estimate?policy=national-2021&insurance=resident&cat=dibao`);
    await page.getByRole("link", { name: new RegExp(e.withoutBill) }).click();
    await page.getByLabel(e.field.total.label).fill("80000");
    await page.getByTestId("estimate-submit").click();
    await expect(page.getByTestId("personal")).toBeVisible();
    await openTermInPlace(page, page.getByTestId("layer-basic"), lng, "deductible");
    // Assumptions: at most three first, the rest collapsed in groups, and no sentence twice.
    await expect(page.getByTestId("assumptions-first").getByRole("listitem")).not.toHaveCount(0);
    expect(await page.getByTestId("assumptions-first").getByRole("listitem").count()).toBeLessThanOrEqual(3);
    const more = page.getByTestId("assumptions-more");
    await expect(more).not.toHaveAttribute("open", "");
    await more.getByText(e.result.assumptionsMore.replace(/（.*$/, "")).click();
    await expect(more.getByTestId("assumptions-values")).toBeVisible();
    const all = (await page.getByTestId("assumptions").innerText()).match(/[^。！？\n]+[。！？]/g) ?? [];
    expect(new Set(all).size).toBe(all.length);
    await expectAccessible(page, "estimate result with glossary");
  });
}
