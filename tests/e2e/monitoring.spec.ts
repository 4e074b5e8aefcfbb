import { expect, test } from "@playwright/test";
import { scripts, signInStaff, text } from "@/tests/e2e/helpers";

// 政策找人: the demo imports a registry and a month of settlements for 富阳区; its caseworker and
// approver find the flags, open a card and the household's help chain; another area's staff see none.
for (const lng of scripts) {
  test(`${lng}: 富阳 caseworker sees flag cards that explain themselves and opens a household's help chain`, async ({ page }) => {
    const t = text[lng].staff.monitoring;
    await signInStaff(page, lng, "case03");
    await page.getByTestId("monitoring-link").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff/monitoring$`));
    const cards = page.getByTestId("flag-card");
    await expect(cards.first()).toBeVisible();
    const card = cards.filter({ has: page.getByTestId("flag-household") }).filter({ has: page.getByTestId("flag-helped") }).first();
    await expect(card.getByTestId("flag-rule")).toContainText(lng === "zh-Hans" ? "低保年标准" : "低保年標準");
    await expect(card.getByText(t.card.dataThrough)).toBeVisible();
    // Masked: no full 18-character ID number on the page.
    expect(await page.locator("main").innerText()).not.toMatch(/\d{17}[\dX]/);
    await card.getByTestId("flag-household").click();
    await expect(page.getByTestId("household-chain")).toBeVisible();
    await expect(page.getByTestId("household-links")).toContainText(t.link.kind["monitoring-flag"]);
  });

  test(`${lng}: another area's caseworker sees no 富阳 flags`, async ({ page }) => {
    await signInStaff(page, lng, "case02");
    await page.goto(`/${lng}/staff/monitoring`);
    await expect(page.getByText(text[lng].staff.monitoring.empty)).toBeVisible();
  });
}
