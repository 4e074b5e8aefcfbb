import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { scripts, signInStaff as signIn, text, type Script } from "@/tests/e2e/helpers";

async function signInStaff(page: Page, lng: Script, username: string) {
  await signIn(page, lng, username);
  await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
}

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
    // The queue is paged, so no flag is out of reach: the next page holds other flags.
    const pager = text[lng].common.pager;
    const firstPage = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("aria-labelledby")));
    await expect(page.getByTestId("pager-position")).toContainText(pager.position.split("{{")[0].trim());
    await page.getByTestId("pager-next").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff/monitoring\\?page=2$`));
    await expect(cards.first()).toBeVisible();
    const secondPage = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("aria-labelledby")));
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await page.getByTestId("pager-previous").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff/monitoring$`));
    await card.getByTestId("flag-household").click();
    await expect(page.getByTestId("household-chain")).toBeVisible();
    await expect(page.getByTestId("household-links")).toContainText(t.link.kind["monitoring-flag"]);
  });

  test(`${lng}: a caseworker invites a flagged person by SMS; the link opens the prefilled application`, async ({ page }) => {
    const t = text[lng].staff.monitoring;
    await signInStaff(page, lng, "case03");
    await page.goto(`/${lng}/staff/monitoring?state=open`);
    // Registry heads of household carry a phone in the demo; they are the ones with a household link and the 兜底 mark.
    const card = page.locator("li", { has: page.getByTestId("flag-helped") }).first();
    await card.getByTestId("flag-invite").click();
    await expect(page.getByTestId("flag-done")).toBeVisible();
    const done = await page.getByTestId("flag-done").innerText();
    if (done.includes(t.action.done.invite)) {
      // Sent: the outbox (demo SMS) holds the invitation, whose link opens the 临时救助 application prefilled from an estimate.
      await page.goto(`/${lng}/dev/outbox`);
      const link = (await page.locator("main").innerText()).match(/https?:\/\/\S+\/apply\?from=estimate&policy=zhejiang-district-2024&total=\d+\.\d{2}/)?.[0];
      expect(link).toBeTruthy();
      const url = new URL(link!);
      const citizen = await (await page.context().browser()!.newContext({ baseURL: page.url().split("/zh-")[0] })).newPage();
      await citizen.goto(url.pathname + url.search);
      // A citizen signs in first (phone code); the link is kept through sign-in.
      await expect(citizen).toHaveURL(/from=estimate|returnTo=|next=/);
      await citizen.context().close();
    } else {
      // No phone in the registry: the invitation became a visit with a due date.
      expect(done).toContain(t.action.done.visitNoPhone.split("，")[0]);
    }
  });

  test(`${lng}: a caseworker proposes a household's annual 兜底 and an approver (not the proposer) approves it; the chain shows the payment`, async ({ page, browser, baseURL }) => {
    const t = text[lng].staff.monitoring;
    await signInStaff(page, lng, "case03");
    await page.goto(`/${lng}/staff/monitoring`);
    await page.getByTestId("backstop-computed").first().click();
    await expect(page.getByTestId("backstop-state")).toHaveText(t.backstop.state.computed);
    await expect(page.getByTestId("backstop-amount")).toContainText("¥");
    await page.getByTestId("backstop-propose").click();
    await expect(page.getByTestId("backstop-done")).toHaveText(t.backstop.done.propose);
    await expect(page.getByTestId("backstop-approve")).toHaveCount(0); // the proposer cannot approve
    const household = new URL(page.url()).pathname;

    const approverPage = await (await browser.newContext({ baseURL })).newPage();
    await signInStaff(approverPage, lng, "approver03");
    await approverPage.goto(household);
    await expect(approverPage.getByTestId("backstop-state")).toHaveText(t.backstop.state.proposed);
    await approverPage.getByTestId("backstop-approve").click();
    await expect(approverPage.getByTestId("backstop-done")).toHaveText(t.backstop.done.approve);
    await expect(approverPage.getByTestId("backstop-state")).toHaveText(t.backstop.state.approved);
    await expect(approverPage.getByTestId("household-links")).toContainText(t.link.kind.payment);
    await approverPage.context().close();
  });

  test(`${lng}: another area's caseworker sees no 富阳 flags`, async ({ page }) => {
    await signInStaff(page, lng, "case02");
    await page.goto(`/${lng}/staff/monitoring`);
    await expect(page.getByText(text[lng].staff.monitoring.empty)).toBeVisible();
  });
}
