import { expect, test } from "@playwright/test";
import { scripts, signInStaff, text } from "@/tests/e2e/helpers";

// Names are encrypted at rest; the queue finds an applicant by the keyed hash of the exact full name.
for (const lng of scripts) {
  test(`${lng}: a caseworker finds an applicant's applications by full name, and part of a name finds none`, async ({ page }) => {
    await signInStaff(page, lng, "case01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    const filters = page.getByTestId("queue-filters");
    await filters.getByLabel(text[lng].console.queue.name).fill("演示用户乙");
    await filters.getByRole("button", { name: text[lng].console.queue.apply }).click();
    await expect(page).toHaveURL(/name=/);
    const items = page.getByTestId("application-list").locator("li");
    // The seed gives 演示用户乙 two applications in 鹿寨 (LZ2026-000003 and -000004), 演示用户甲 two others.
    await expect(items).toHaveCount(2);
    const references = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-reference")?.slice(0, 13)).sort());
    expect(references).toEqual(["LZ2026-000003", "LZ2026-000004"]);

    await filters.getByLabel(text[lng].console.queue.name).fill("演示用户");
    await filters.getByRole("button", { name: text[lng].console.queue.apply }).click();
    await expect(page.getByTestId("application-list")).toHaveCount(0);
    await expect(page.getByText(text[lng].staff.console.queueEmpty)).toBeVisible();
  });
}
