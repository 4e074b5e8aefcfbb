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
    // The way on to 临时救助 carries the bill and what the slip says was paid (12,000 + 2,000 + 1,000), never the
    // 兜底 the module estimated (3,000, not paid yet), so the application starts prefilled with money received.
    const applyHref = new URL((await page.getByTestId("estimate-to-apply").first().getAttribute("href"))!, "http://x");
    expect(Object.fromEntries(applyHref.searchParams)).toMatchObject({ from: "estimate", policy: "luzhai-2018", total: "20000.00", reimbursed: "15000.00" });
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
  for (const key of params.keys()) expect(key).toMatch(/^(mode|policy|date|insurance|cat|age|stays|earlierMerged|(s\d+\.)?(billDate|kind|facility|inRegion|referred|designated|emergency|cause|total|selfFunded|basic|critical|assistance))$/);
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

/**
 * Contract worked example 4 (鹿寨 2018, two county stays): each 住院 gets its own 90 % (重病兜底保障一批 五(一)).
 * Stay A 20,000 with 19,000 already paid gets no 兜底 (18,000 − 19,000 < 0); stay B 10,000 with 7,000 paid gets
 * 9,000 − 7,000 = 2,000.00. Pooling the year would have given 27,000 − 26,000 = 1,000.00.
 */
async function fillTwoLuzhaiStays(page: Page, lng: "zh-Hans" | "zh-Hant") {
  const e = text[lng].estimate;
  await page.goto(`/${lng}/estimate/form?mode=bill&policy=luzhai-2018&date=2018-09-01&cat=poverty-registered`);
  await page.locator("#f-total").fill("20000");
  await page.locator("#f-basic").fill("17000");
  await page.locator("#f-critical").fill("1000");
  await page.locator("#f-assistance").fill("1000");
  await page.getByRole("button", { name: e.form.addStay }).click();
  // The form comes back with a second bill; the first bill's figures are kept.
  await expect(page.getByTestId("stay-2")).toBeVisible();
  await expect(page.locator("#f-total")).toHaveValue("20000");
  await expect(page.getByRole("group", { name: e.form.stayHeading.replace("{{n}}", "2") })).toBeVisible();
  await page.locator("#f-billDate").fill("2018-03-01");
  await page.locator("#f-s2-billDate").fill("2018-09-01");
  await page.locator("#f-s2-total").fill("10000");
  await page.locator("#f-s2-basic").fill("6000");
  await page.locator("#f-s2-critical").fill("0");
  await page.locator("#f-s2-assistance").fill("1000");
  await expectAccessible(page, "estimate form (two stays)");
  await page.getByTestId("estimate-submit").click();
}

for (const lng of ["zh-Hans", "zh-Hant"] as const) {
  test(`${lng}: two 鹿寨 stays show 每次住院, each with its own 90 % 兜底 (contract example 4)`, async ({ page }) => {
    const e = text[lng].estimate;
    await fillTwoLuzhaiStays(page, lng);
    await expect(page.getByTestId("personal")).toHaveText("¥2,000.00");
    await expect(page.getByTestId("layer-backstop-paid")).toHaveText("¥2,000.00");
    const stays = page.getByTestId("stays");
    await expect(stays.getByRole("heading", { name: e.result.staysHeading })).toBeVisible();
    await expect(page.getByTestId("stay-result-1")).toContainText(lng === "zh-Hans" ? "2018年3月1日" : "2018年3月1日");
    await expect(page.getByTestId("stay-1-total")).toHaveText("¥20,000.00");
    await expect(page.getByTestId("stay-1-backstop")).toHaveText("¥0.00");
    await expect(page.getByTestId("stay-1-personal")).toHaveText("¥1,000.00");
    await expect(page.getByTestId("stay-2-total")).toHaveText("¥10,000.00");
    await expect(page.getByTestId("stay-2-basic")).toHaveText("¥6,000.00");
    await expect(page.getByTestId("stay-2-backstop")).toHaveText("¥2,000.00");
    await expect(page.getByTestId("stay-2-personal")).toHaveText("¥1,000.00");
    // Each amount stays on one line at 390 px: its box is one line high and inside the screen.
    for (const id of ["stay-1-total", "stay-2-backstop", "stay-2-personal"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeLessThan(40);
    }
    await expectAccessible(page, "estimate result (two stays)");
    await page.getByTestId("stays").screenshot({ path: `reports/screenshots/estimate-stays-${lng}.png` });
    await page.screenshot({ path: `reports/screenshots/estimate-stays-${lng}-page.png`, fullPage: true });
    // The share link rebuilds both bills.
    const shared = new URL(await page.getByTestId("share-url").innerText());
    expect(shared.searchParams.get("s2.total")).toBe("10000");
    // Changing the answers brings back both bills; removing the second leaves the first, whole.
    await page.getByTestId("change").click();
    await expect(page.locator("#f-s2-total")).toHaveValue("10000");
    await page.getByTestId("remove-stay-2").click();
    await expect(page.getByTestId("stay-2")).toHaveCount(0);
    await expect(page.locator("#f-total")).toHaveValue("20000");
    await expect(page.locator("#f-basic")).toHaveValue("17000");
  });
}

test("zh-Hans: an old link with earlierTotal still works and says the earlier stays were taken as one", async ({ page }) => {
  const e = text["zh-Hans"].estimate;
  await page.goto("/zh-Hans/estimate/result?mode=bill&policy=luzhai-2018&date=2018-09-01&cat=poverty-registered&total=20000&basic=12000&critical=2000&assistance=1000&earlierTotal=5000");
  await expect(page.getByTestId("earlier-merged-note")).toHaveText(e.result.earlierMergedNote);
  await expect(page.getByTestId("stay-1-total")).toHaveText("¥5,000.00");
  await expect(page.getByTestId("stay-2-total")).toHaveText("¥20,000.00");
  // The result's own link rebuilds the same result, with the same note.
  const personal = await page.getByTestId("personal").innerText();
  await page.goto(new URL(await page.getByTestId("share-url").innerText()).pathname + new URL(await page.getByTestId("share-url").innerText()).search);
  await expect(page.getByTestId("personal")).toHaveText(personal);
  await expect(page.getByTestId("earlier-merged-note")).toBeVisible();
});

test("zh-Hant: a wrong amount on the second stay is flagged on that stay, in 繁體, and nothing typed is lost", async ({ page }) => {
  const e = text["zh-Hant"].estimate;
  await page.goto("/zh-Hant/estimate/form?mode=typical&policy=luzhai-2018&date=2018-09-01&stays=2&total=20000");
  await page.locator("#f-s2-total").fill("一万");
  await page.getByTestId("estimate-submit").click();
  const label = e.form.stayField.replace("{{n}}", "2").replace("{{label}}", e.field.total.label);
  await expect(page.getByTestId("f-s2-total-error")).toHaveText(e.error.money.replace("{{field}}", label));
  await expect(page.locator("#f-s2-total")).toHaveValue("一万");
  await expect(page.locator("#f-total")).toHaveValue("20000");
  await page.getByTestId("error-summary").getByRole("link").first().click();
  await expect(page).toHaveURL(/#f-s2-total$/);
});
