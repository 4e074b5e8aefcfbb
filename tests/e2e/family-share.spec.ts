import { expect, type Browser, type Page, test } from "@playwright/test";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { scripts, signInCitizen, text, type Script } from "@/tests/e2e/helpers";

/**
 * 与家人共享进度 (issue 14), as two people with two phones would do it: the applicant shares one application with a
 * family member's phone (and must tick the confirmation first), the invitation SMS appears in the outbox, the family
 * member signs in with their own phone and finds a read-only timeline under 我的, clearly someone else's; the
 * applicant removes the share and the family member's next look finds nothing.
 */

const APPLICANT = "13800000001";
const REFERENCE = "LZ2026-000005";
const FAMILY: Record<Script, string> = { "zh-Hans": "13800000006", "zh-Hant": "13800000007" };
const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

async function signedIn(browser: Browser, lng: Script, phone: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInCitizen(page, lng, phone);
  await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
  return page;
}

for (const lng of scripts) {
  test(`${lng}: the applicant shares progress with a family member, who sees a read-only timeline until it is removed`, async ({ browser }) => {
    test.setTimeout(180_000);
    await forgetRateLimits();
    const t = text[lng];
    const family = FAMILY[lng];

    // The applicant opens the application and its 与家人共享进度 page.
    const applicant = await signedIn(browser, lng, APPLICANT);
    await applicant.goto(`/${lng}/progress`);
    await applicant.getByRole("link", { name: new RegExp(REFERENCE) }).click();
    const status = await applicant.getByTestId("status").innerText();
    await applicant.getByTestId("family-link").click();
    await expect(applicant.getByRole("heading", { level: 1 })).toHaveText(t.apply.family.title);
    await expect(applicant.getByTestId("family-shares")).toHaveText(t.apply.family.shares);
    await expect(applicant.getByTestId("family-not-shared")).toHaveText(t.apply.family.notShared);
    const familyPage = applicant.url();

    // Without the confirmation nothing is shared.
    await applicant.getByLabel(t.apply.family.phone).fill(family);
    await applicant.getByTestId("family-add").click();
    await expect(applicant.getByTestId("family-confirm-error")).toHaveText(t.apply.family.errors["confirm-required"]);
    await expect(applicant.getByTestId("family-current")).toHaveCount(0);

    await applicant.getByLabel(t.apply.family.phone).fill(family);
    await applicant.getByLabel(t.apply.family.confirm).check();
    await applicant.getByTestId("family-add").click();
    await expect(applicant.getByTestId("family-added")).toHaveText(t.apply.family.added);
    await expect(applicant.getByTestId("family-current")).toContainText(mask(family));

    // The invitation is in the outbox, in the applicant's script, with nothing about the case on it.
    await applicant.goto(`/${lng}/dev/outbox`);
    const invite = applicant.getByTestId("outbox-message").filter({ has: applicant.getByTestId("outbox-to").getByText(mask(family), { exact: true }) }).first();
    await expect(invite.getByTestId("outbox-body")).toContainText(lng === "zh-Hans" ? "共享给了您" : "共享給了您");
    await expect(invite.getByTestId("outbox-body")).not.toContainText(REFERENCE);

    // The family member signs in with their own phone and finds it under 我的, clearly someone else's.
    const viewer = await signedIn(browser, lng, family);
    const item = viewer.getByTestId("shared-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(REFERENCE);
    await expect(item).toContainText("演***甲");
    await item.getByRole("link").click();
    await expect(viewer.getByTestId("shared-notice")).toContainText("演***甲");
    await expect(viewer.getByTestId("reference")).toHaveText(new RegExp(REFERENCE));
    await expect(viewer.getByTestId("status")).toHaveText(status);
    await expect(viewer.getByTestId("shared-timeline")).toContainText(t.apply.track.steps.acceptance);
    // Read-only and nothing beyond the timeline: no form, no upload, no documents, no full name or answers.
    await expect(viewer.locator("main form, main input[type=file]")).toHaveCount(0);
    await expect(viewer.locator("main")).not.toContainText("演示用户甲");
    await expect(viewer.locator("main")).not.toContainText("演示诊断");
    await expect(viewer.locator("a[href^='/api/v1/documents/']")).toHaveCount(0);
    const sharedUrl = viewer.url();
    const id = sharedUrl.split("/").pop()!;
    expect((await viewer.request.get(`/api/v1/applications/${id}`)).status()).toBe(404);
    expect((await viewer.goto(`/${lng}/progress/${id}`))!.status()).toBe(404);

    // The applicant removes the share: access ends at once.
    await applicant.goto(familyPage);
    await applicant.getByTestId("family-remove").click();
    await expect(applicant.getByTestId("family-removed")).toHaveText(t.apply.family.removed);
    await expect(applicant.getByTestId("family-form")).toBeVisible();

    expect((await viewer.goto(sharedUrl))!.status()).toBe(404);
    await viewer.goto(`/${lng}/me`);
    await expect(viewer.getByTestId("shared-item")).toHaveCount(0);
    await viewer.context().close();
    await applicant.context().close();
  });
}

test("zh-Hant: the demo's family viewer (13800000004) sees 演示用户甲's application in 公示 without the proposed amount", async ({ browser }) => {
  await forgetRateLimits();
  const lng = "zh-Hant";
  const viewer = await signedIn(browser, lng, "13800000004");
  const item = viewer.getByTestId("shared-item").filter({ hasText: "LZ2026-000002" });
  await item.getByRole("link").click();
  await expect(viewer.getByTestId("status")).toHaveText(text[lng].common.status.publicity);
  await expect(viewer.locator("main")).not.toContainText("3,000");
  await expect(viewer.locator("main")).not.toContainText("¥");
  await viewer.context().close();
});
