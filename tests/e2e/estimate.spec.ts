import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, useLargeText } from "@/tests/e2e/flow-helpers";
import { text } from "@/tests/e2e/helpers";

/** Contract worked example 1 (鹿寨 2018, 建档立卡, county inpatient): 兜底 3,000.00, family 2,000.00. */
async function fillLuzhaiSlip(page: Page, lng: "zh-Hans" | "zh-Hant") {
  const e = text[lng].estimate;
  await page.goto(`/${lng}/estimate`);
  await expectAccessible(page, "estimate start");
  await page.getByRole("link", { name: new RegExp(e.withBill) }).click();
  await page.locator("#f-policy").selectOption("luzhai-2018");
  await page.getByLabel(e.field.date.label).fill("2018-09-01");
  await page.getByLabel(e.category["poverty-registered"].label).check();
  await page.getByRole("radio", { name: e.kind.inpatient }).check();
  await page.locator("#f-facility").selectOption("county");
  await page.getByLabel(e.field.total.label).fill("20000");
  await page.getByLabel(e.field.basic.label).fill("12000");
  await page.getByLabel(e.field.critical.label).fill("2000");
  await page.getByLabel(e.field.assistance.label).fill("1000");
  await expectAccessible(page, "estimate form (slip)");
  await page.getByTestId("estimate-submit").click();
}

for (const [lng, large] of [
  ["zh-Hans", true],
  ["zh-Hant", false],
] as const) {
  test(`${lng}${large ? " 长辈版" : ""}: a 鹿寨 2018 registered-poor inpatient from a settlement slip shows the 90 % 兜底`, async ({ page, baseURL }) => {
    const e = text[lng].estimate;
    if (large) await useLargeText(page, baseURL);
    await fillLuzhaiSlip(page, lng);
    await expect(page.getByTestId("personal")).toHaveText("¥2,000.00");
    await expect(page.getByTestId("layer-backstop-paid")).toHaveText("¥3,000.00");
    await expect(page.getByTestId("layer-basic-paid")).toHaveText("¥12,000.00");
    await expect(page.getByTestId("disclaimer")).toHaveText(e.result.disclaimer);
    // The way on to 临时救助 carries the bill and what the layers paid, so the application starts prefilled.
    const applyHref = new URL((await page.getByTestId("estimate-to-apply").first().getAttribute("href"))!, "http://x");
    expect(Object.fromEntries(applyHref.searchParams)).toMatchObject({ from: "estimate", policy: "luzhai-2018", total: "20000.00", reimbursed: "18000.00" });
    // Who pays what, as text: the family row says 2,000.00 and 10 %.
    await expect(page.getByTestId("share-family")).toContainText("¥2,000.00");
    await expect(page.getByTestId("share-family")).toContainText("10%");
    await expect(page.getByTestId("share-backstop")).toContainText("15%");
    // 依据 opens the quoted clause of the seed text.
    await page.getByTestId("basis-backstop").getByText(e.result.basis).click();
    await expect(page.getByTestId("basis-backstop")).toContainText("重病兜底保障一批 五(一)");
    await expect(page.getByTestId("basis-backstop")).toContainText("×90%");
    await expectAccessible(page, "estimate result");
  });
}

test("zh-Hans: 自费 above the total is flagged beside the field, nothing typed is lost, and correcting it works", async ({ page }) => {
  const e = text["zh-Hans"].estimate;
  await page.goto("/zh-Hans/estimate/form?mode=bill&policy=national-2021");
  await page.getByLabel(e.field.total.label).fill("3000");
  await page.getByLabel(e.field.selfFunded.label).fill("5000");
  await page.getByLabel(e.field.age.label).fill("45");
  await page.getByTestId("estimate-submit").click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(page.getByTestId("f-selfFunded-error")).toContainText("5,000.00");
  await expect(page.getByLabel(e.field.selfFunded.label)).toHaveAttribute("aria-invalid", "true");
  // Everything typed is still there.
  await expect(page.getByLabel(e.field.total.label)).toHaveValue("3000");
  await expect(page.getByLabel(e.field.selfFunded.label)).toHaveValue("5000");
  await expect(page.getByLabel(e.field.age.label)).toHaveValue("45");
  await expectAccessible(page, "estimate form with error");
  // The summary links to the field.
  await summary.getByRole("link").first().click();
  await expect(page).toHaveURL(/#f-selfFunded$/);
  await page.getByLabel(e.field.selfFunded.label).fill("500");
  await page.getByTestId("estimate-submit").click();
  await expect(page.getByTestId("personal")).toBeVisible();
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
});

test("zh-Hant: a malformed amount gets a translated message next to the field", async ({ page }) => {
  const e = text["zh-Hant"].estimate;
  await page.goto("/zh-Hant/estimate/form?mode=typical");
  await page.getByLabel(e.field.total.label).fill("一万");
  await page.getByTestId("estimate-submit").click();
  await expect(page.getByTestId("f-total-error")).toHaveText(e.error.money.replace("{{field}}", e.field.total.label));
  await expect(page.getByLabel(e.field.total.label)).toHaveValue("一万");
});

test("print view: the shell is hidden and the estimate fits one A4 page", async ({ page }) => {
  await fillLuzhaiSlip(page, "zh-Hans");
  await expect(page.getByTestId("personal")).toHaveText("¥2,000.00");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByTestId("toggle-large-text")).toBeHidden();
  await expect(page.getByTestId("copy-link")).toBeHidden();
  await expect(page.getByTestId("personal")).toBeVisible();
  await expect(page.getByTestId("disclaimer")).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  await page.screenshot({ path: "reports/screenshots/estimate-print.png", fullPage: true });
});

test("the share link rebuilds the same result in a new browser context, without names or ID numbers", async ({ page, browser }) => {
  await fillLuzhaiSlip(page, "zh-Hant");
  await expect(page.getByTestId("personal")).toHaveText("¥2,000.00");
  const shared = await page.getByTestId("share-url").innerText();
  expect(shared).toContain("/zh-Hant/estimate/result?");
  const params = new URL(shared).searchParams;
  for (const key of params.keys()) expect(["mode", "policy", "date", "insurance", "cat", "age", "kind", "facility", "inRegion", "referred", "designated", "emergency", "cause", "total", "selfFunded", "basic", "critical", "assistance", "earlierTotal"]).toContain(key);
  const layers = await page.getByTestId(/^layer-[a-z]+-paid$/).allInnerTexts();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByTestId("personal")).toHaveText("¥2,000.00");
  expect(await other.getByTestId(/^layer-[a-z]+-paid$/).allInnerTexts()).toEqual(layers);
  await context.close();
  // The copy button puts the same URL on the clipboard.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("copy-link")).toHaveText(text["zh-Hant"].estimate.result.copied);
});
