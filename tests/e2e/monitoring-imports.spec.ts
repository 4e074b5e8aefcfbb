import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInCitizen, signInStaff as signIn, text, type Script } from "@/tests/e2e/helpers";
import { generatePopulation, settlementCsv } from "@/lib/monitoring/generate";

async function signInStaff(page: Page, lng: Script, username: string) {
  await signIn(page, lng, username);
  await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
}

/** An October extract in this area's own header for the personal cash column ("自付现金"), different bytes per script. */
function octoberExtract(lng: Script): Buffer {
  const pop = generatePopulation(lng === "zh-Hans" ? 31 : 32, { people: 60, registryHouseholds: 0, year: 2026 });
  const csv = [...settlementCsv(pop, { rows: 120, year: 2026, seed: lng === "zh-Hans" ? 1 : 2, months: [10] })].join("");
  return Buffer.from(csv.replace("个人现金支付", "自付现金"));
}

// 政策找人 imports through the page (issue 17), both scripts: a caseworker uploads an extract whose
// column names differ, maps the column once (remembered for the area), sees the batch and rolls it
// back; a citizen the registry gave a phone signs in and finds on 我的 what was found for them.
for (const lng of scripts) {
  test(`${lng}: a caseworker uploads an extract with the area's own column name (remembered), sees the batch and rolls it back whole`, async ({ page }) => {
    const t = text[lng].staff.monitoring.imports;
    await signInStaff(page, lng, "case03");
    await page.goto(`/${lng}/staff/monitoring`);
    await page.getByTestId("imports-link").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff/monitoring/imports$`));
    // The demo's registry and November extract are listed.
    await expect(page.getByTestId("batch").first()).toBeVisible();

    const fileName = `医保结算明细-2026-10-${lng}.csv`;
    await page.getByTestId("import-file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: octoberExtract(lng) });
    await page.getByTestId("import-from").fill("2026-10-01");
    await page.getByTestId("import-to").fill("2026-10-31");
    await page.getByTestId("import-mapping").locator("summary").click();
    await page.getByTestId("map-personalCash").fill("自付现金");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-done")).toContainText(t.done.committed);

    const batch = page.getByTestId("batch").filter({ has: page.getByTestId("batch-file").getByText(fileName, { exact: true }) });
    await expect(batch.getByTestId("batch-state")).toHaveText(t.state.committed);
    await expect(batch.getByTestId("batch-counts")).toContainText("120");

    // The mapping is remembered for the area: the next upload starts from it.
    await page.goto(`/${lng}/staff/monitoring/imports`);
    await expect(page.getByTestId("map-personalCash")).toHaveValue("自付现金");

    await batch.getByTestId("batch-rollback").click();
    await expect(page.getByTestId("import-done")).toHaveText(t.done["rolled-back"]);
    await expect(batch.getByTestId("batch-state")).toHaveText(t.state["rolled-back"]);
    await expect(batch.getByTestId("batch-rollback")).toHaveCount(0);
  });

  test(`${lng}: a file with a bad row is refused whole and its error report downloads`, async ({ page }) => {
    const t = text[lng].staff.monitoring.imports;
    await signInStaff(page, lng, "case03");
    await page.goto(`/${lng}/staff/monitoring/imports`);
    const lines = octoberExtract(lng).toString("utf8").split("\n");
    lines[2] = lines[2].replace(/,2026-10-(\d\d),/, ",2026-09-$1,"); // a date outside the period
    await page.getByTestId("import-file").setInputFiles({ name: `坏行-${lng}.csv`, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await page.getByTestId("import-from").fill("2026-10-01");
    await page.getByTestId("import-to").fill("2026-10-31");
    await page.getByTestId("import-mapping").locator("summary").click();
    await page.getByTestId("map-personalCash").fill("自付现金");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-refused")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByTestId("refused-report").click();
    const report = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of report) chunks.push(c as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8");
    expect(csv).toContain(t.rowError["outside-period"]);
    expect(csv).toContain(`3,${t.rowError["outside-period"]},${t.field.date}`);
  });

  test(`${lng}: a caseworker invites a flagged person; that person signs in and sees on 我的 what was found for them`, async ({ page, browser, baseURL }) => {
    const t = text[lng].staff.monitoring;
    await signInStaff(page, lng, "case03");
    await page.goto(`/${lng}/staff/monitoring?state=open`);
    // A person the registry gave a phone (the demo's registry heads: 1990000xxxx, shown masked as 199****xxxx).
    const item = page.locator("li", { has: page.getByTestId("flag-phone").getByText(/^199\*{4}\d{4}$/) }).first();
    const masked = (await item.getByTestId("flag-phone").innerText()).trim();
    const phone = masked.replace("****", "0000");
    await item.getByTestId("flag-invite").click();
    await expect(page.getByTestId("flag-done")).toHaveText(t.action.done.invite);

    await forgetRateLimits();
    const citizen = await (await browser.newContext({ baseURL })).newPage();
    await signInCitizen(citizen, lng, phone);
    await expect(citizen).toHaveURL(new RegExp(`/${lng}/me$`));
    const c = text[lng].common.me.found;
    const found = citizen.getByTestId("found-for-you");
    await expect(found.getByRole("heading", { name: c.heading })).toBeVisible();
    await expect(found.getByTestId("found-next").first()).toHaveText(c.next.invited);
    await expect(found.getByTestId("found-apply").first()).toHaveAttribute("href", new RegExp(`^/${lng}/apply\\?from=estimate&policy=zhejiang-district-2024&total=\\d+\\.\\d{2}$`));
    // Their own figures only: no ID number, no other member's name or costs.
    expect(await found.innerText()).not.toMatch(/\d{17}[\dX]|\*{2}/);
    await citizen.context().close();
  });
}
