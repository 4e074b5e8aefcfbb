import { expect, test } from "@playwright/test";

test.describe("locale routing", () => {
  for (const [acceptLanguage, expected] of [
    ["zh-TW,zh;q=0.9", "/zh-Hant"],
    ["zh-HK", "/zh-Hant"],
    ["zh-MO", "/zh-Hant"],
    ["zh-Hant-TW", "/zh-Hant"],
    ["zh-CN,zh;q=0.9", "/zh-Hans"],
    ["en-US", "/zh-Hans"],
  ] as const) {
    test(`/ with Accept-Language ${acceptLanguage} redirects to ${expected}`, async ({ request }) => {
      const response = await request.get("/", { headers: { "accept-language": acceptLanguage }, maxRedirects: 0 });
      expect(response.status()).toBeGreaterThanOrEqual(300);
      expect(response.status()).toBeLessThan(400);
      expect(new URL(response.headers()["location"], "http://x").pathname).toBe(expected);
    });
  }

  test("a Hong Kong phone browser lands on Traditional with <html lang> set", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-HK" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh-Hant$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("一站助醫");
    await context.close();
  });

  test("an unknown page is a translated 404", async ({ page }) => {
    const response = await page.goto("/zh-Hant/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("頁面不存在");
  });
});

test.describe("home page", () => {
  for (const lng of ["zh-Hans", "zh-Hant"] as const) {
    test(`${lng}: four task tiles, institution entries and the tab bar`, async ({ page }, testInfo) => {
      await page.goto(`/${lng}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      const tiles = lng === "zh-Hans" ? ["查资格", "算报销", "申请临时救助", "查进度"] : ["查資格", "算報銷", "申請臨時救助", "查進度"];
      for (const name of tiles) await expect(page.getByRole("link", { name: new RegExp(name) }).first()).toBeVisible();
      const tabBar = page.getByRole("navigation");
      for (const tab of lng === "zh-Hans" ? ["首页", "办事", "进度", "我的"] : ["首頁", "辦事", "進度", "我的"])
        await expect(tabBar.getByRole("link", { name: tab })).toBeVisible();
      await expect(tabBar.getByRole("link", { name: lng === "zh-Hans" ? "首页" : "首頁" })).toHaveAttribute("aria-current", "page");
      // Nothing spills sideways on a 390-px phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`home-${lng}.png`), fullPage: false });
      await page.screenshot({ path: `reports/screenshots/home-${lng}.png` });
    });
  }
});

test.describe("page titles and the tab bar", () => {
  for (const lng of ["zh-Hans", "zh-Hant"] as const) {
    test(`${lng}: each page's title names it; staff pages have no citizen tab bar, a parent's link keeps it`, async ({ page }) => {
      const app = lng === "zh-Hans" ? "一站助医" : "一站助醫";
      const main = lng === "zh-Hans" ? "主要栏目" : "主要欄目";
      await page.goto(`/${lng}`);
      await expect(page).toHaveTitle(app);
      await page.goto(`/${lng}/eligibility`);
      await expect(page).toHaveTitle(`${lng === "zh-Hans" ? "查资格" : "查資格"} · ${app}`);
      await expect(page.getByRole("navigation", { name: main })).toBeVisible();
      // One question per page: the tab names the question.
      await page.goto(`/${lng}/eligibility/q/place`);
      await expect(page).toHaveTitle(`${lng === "zh-Hans" ? "病人在哪里参保？" : "病人在哪裡參保？"} · ${app}`);
      await page.goto(`/${lng}/no-such-page`);
      await expect(page).toHaveTitle(`${lng === "zh-Hans" ? "页面不存在" : "頁面不存在"} · ${app}`);
      // A desk worker's 我的 would be the citizen sign-in: staff pages leave the citizen tabs out.
      await page.goto(`/${lng}/staff/login`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: main })).toHaveCount(0);
      await page.goto(`/${lng}/school/p/demo-parent-link-yinian1`);
      await expect(page.getByRole("navigation", { name: main })).toBeVisible();
    });
  }
});

test("办事 lists every policy pack the calculator knows, in the page's script", async ({ page, request }) => {
  const { policies } = await (await request.get("/api/v1/policies")).json();
  expect(policies.length).toBeGreaterThanOrEqual(6);
  for (const lng of ["zh-Hans", "zh-Hant"] as const) {
    await page.goto(`/${lng}/services`);
    const list = page.getByTestId("policy-list");
    for (const policy of policies) await expect(list).toContainText(policy.title[lng]);
  }
});

test("switching script keeps the current page", async ({ page }) => {
  await page.goto("/zh-Hans/services");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("办事");
  await page.getByTestId("switch-script").click();
  await expect(page).toHaveURL(/\/zh-Hant\/services$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("辦事");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  // The choice is remembered: the bare address now opens in Traditional even with a mainland browser.
  await page.goto("/");
  await expect(page).toHaveURL(/\/zh-Hant$/);
  await page.getByTestId("switch-script").click();
  await expect(page).toHaveURL(/\/zh-Hans$/);
});

test("长辈版 enlarges text and targets, and persists across pages and reloads", async ({ page }) => {
  await page.goto("/zh-Hans/services");
  const bodyFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));
  expect(await bodyFontSize()).toBeLessThan(18);

  await page.getByTestId("toggle-large-text").click();
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expect(page).toHaveURL(/\/zh-Hans\/services$/);
  expect(await bodyFontSize()).toBeGreaterThanOrEqual(18);
  const lineHeightRatio = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector("main p")!);
    return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
  });
  expect(lineHeightRatio).toBeGreaterThanOrEqual(1.3);
  const smallestTarget = await page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll("main a, main button, nav a")].map((el) => {
        const box = el.getBoundingClientRect();
        return Math.min(box.width, box.height);
      }),
    ),
  );
  expect(smallestTarget).toBeGreaterThanOrEqual(60);

  await page.reload();
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await page.getByRole("navigation").getByRole("link", { name: "首页" }).click();
  await expect(page).toHaveURL(/\/zh-Hans$/);
  await expect(page.locator("html")).toHaveClass(/large-text/);

  await page.getByTestId("toggle-large-text").click();
  await expect(page.locator("html")).not.toHaveClass(/large-text/);
});

test("a page fetches no other page until a link is tapped, then navigates without a full reload", async ({ page }) => {
  const pageFetches: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "fetch" && new URL(r.url()).searchParams.has("_rsc")) pageFetches.push(r.url());
  });
  await page.goto("/zh-Hans");
  await page.waitForLoadState("networkidle");
  // Tab bar and four task tiles are in view; none of their pages is fetched ahead (slow, metered connections).
  expect(pageFetches).toEqual([]);

  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.getByRole("navigation").getByRole("link", { name: "办事" }).click();
  await expect(page).toHaveURL(/\/zh-Hans\/services$/);
  expect(pageFetches).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
