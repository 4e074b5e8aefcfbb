import { expect, test } from "@playwright/test";
import { expectAccessible } from "@/tests/e2e/flow-helpers";
import { scripts, text } from "@/tests/e2e/helpers";
import { headlineCaveat } from "@/lib/estimate/assumptions";
import { formatApproxMoney, formatMoney } from "@/lib/i18n/format";
import { estimate, type EstimateRequest, type HouseholdResult } from "@/lib/policy";

/**
 * 浙江 001 二(三) (the pack's place: 杭州市富阳区): a 低保 family's 兜底 is on the family's reasonable personal costs
 * together, above the annual 低保 standard. Each member's bill alone leaves less than the standard; together more.
 * The expected figures come from the calculation module called here with the same household, not from constants.
 */
const place = { policy: "zhejiang-district-2024", serviceDate: "2025-06-01" };
const bill = { kind: "inpatient", inRegion: true, referred: true, designated: true, emergency: false, cause: "illness" } as const;
const first = { person: { insurance: "resident", categories: ["dibao"] }, episodes: [{ ...bill, facility: "county", total: "40000", settled: { basic: "20000", critical: "0", assistance: "8000" } }] } as const;
const second = {
  person: { insurance: "resident", categories: ["dibao"], age: 62 },
  episodes: [{ ...bill, facility: "city", date: "2025-05-10", total: "30000", settled: { basic: "15000", critical: "0", assistance: "5000" } }],
} as const;

function expectedFamily(): HouseholdResult {
  const res = estimate({ ...place, household: { members: [first, second] } });
  expect(res.status).toBe(200);
  return res.body as HouseholdResult;
}

function aloneBackstop(member: typeof first | typeof second): string | undefined {
  const res = estimate({ ...place, ...(member as unknown as Pick<EstimateRequest, "person" | "episodes">) });
  return res.status === 200 ? res.body.layers.find((l) => l.id === "backstop")?.paid : undefined;
}

for (const lng of scripts) {
  test(`${lng}: a 富阳 (浙江) 低保 family adds a second member's bill and sees the family 兜底 on the pooled costs`, async ({ page, browser }) => {
    const e = text[lng].estimate;
    const money = (v: string) => formatMoney(v, lng);
    const family = expectedFamily();
    const backstop = family.layers.find((l) => l.id === "backstop")!.paid;
    // The case is one where pooling matters: neither member alone gets any 兜底, the family does.
    expect(aloneBackstop(first)).toBe("0.00");
    expect(aloneBackstop(second)).toBe("0.00");
    expect(Number(backstop)).toBeGreaterThan(0);

    // The family option shows only for a place whose pack has a family-level rule, as the place changes.
    await page.goto(`/${lng}/estimate/form?mode=bill`);
    const option = page.getByTestId("family-option");
    await expect(option).toBeHidden();
    await page.locator("#f-policy").selectOption("luzhai-2018");
    await expect(option).toBeHidden();
    await page.locator("#f-policy").selectOption(place.policy);
    await expect(option).toBeVisible();
    await expect(option).toContainText(e.form.addMemberHint);

    // Member 1: 低保, a county stay read off the settlement slip.
    await page.locator("#f-date").fill(place.serviceDate);
    await page.getByLabel(e.category.dibao.label).check();
    await page.getByRole("radio", { name: e.kind.inpatient }).check();
    await page.locator("#f-facility").selectOption("county");
    await page.locator("#f-total").fill("40000");
    await page.locator("#f-basic").fill("20000");
    await page.locator("#f-critical").fill("0");
    await page.locator("#f-assistance").fill("8000");
    await page.getByRole("button", { name: e.form.addMember, exact: true }).click();

    // The form comes back with member 2 (low-income status and insurance as member 1's), member 1's figures kept.
    const member2 = page.getByTestId("member-2");
    await expect(member2).toBeVisible();
    await expect(page).toHaveURL(/#member-2$/);
    await expect(page.getByRole("group", { name: e.form.memberHeading.replace("{{n}}", "2") })).toBeVisible();
    await expect(page.locator("#f-total")).toHaveValue("40000");
    await expect(page.locator("#f-assistance")).toHaveValue("8000");
    await expect(member2.getByLabel(e.category.dibao.label)).toBeChecked();
    await expect(page.getByTestId("family-option")).toBeVisible();

    // A wrong amount on member 2's bill: a translated message on that field, naming the member; nothing typed is lost.
    await page.locator("#f-m2-age").fill("62");
    await page.locator("#f-m2-s1-billDate").fill("2025-05-10");
    await page.locator("#f-m2-s1-facility").selectOption("city");
    await page.locator("#f-m2-s1-total").fill("三万");
    await page.locator("#f-m2-s1-basic").fill("15000");
    await page.locator("#f-m2-s1-critical").fill("0");
    await page.locator("#f-m2-s1-assistance").fill("5000");
    await page.getByTestId("estimate-submit").click();
    const label = e.form.memberStayField.replace("{{m}}", "2").replace("{{n}}", "1").replace("{{label}}", e.field.total.label);
    await expect(page.getByTestId("f-m2-s1-total-error")).toHaveText(e.error.money.replace("{{field}}", label));
    await expect(page.getByTestId("error-summary")).toContainText(label);
    await expect(page.locator("#f-m2-s1-total")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#f-m2-s1-total")).toHaveValue("三万");
    await expect(page.locator("#f-m2-age")).toHaveValue("62");
    await expect(page.locator("#f-m2-s1-basic")).toHaveValue("15000");
    await expect(page.locator("#f-total")).toHaveValue("40000");
    await expectAccessible(page, "household estimate form with an error");

    await page.locator("#f-m2-s1-total").fill("30000");
    await page.getByTestId("estimate-submit").click();

    // The family total and the pooled 兜底, as the module computes them for this household.
    // The headline says "约" when an assumed value moves the result (issue 14), as the result page decides it.
    const headline = headlineCaveat(family.assumptions, family.layers) ? e.result.approx.replace("{{amount}}", formatApproxMoney(family.personal, lng)) : money(family.personal);
    await expect(page.getByTestId("personal")).toHaveText(headline);
    await expect(page.getByTestId("layer-backstop-paid")).toHaveText(money(backstop));
    await expect(page.getByTestId("layer-basic-paid")).toHaveText(money(family.layers.find((l) => l.id === "basic")!.paid));
    const intro = e.result.familyIntro
      .replace("{{count}}", "2")
      .replace("{{total}}", money(family.total))
      .replace("{{reimbursed}}", money(family.reimbursed))
      .replace("{{personal}}", money(family.personal));
    await expect(page.getByTestId("family-intro")).toHaveText(intro);
    // Each member, with their bills in the 每次住院 cards; the 兜底 sits on the bill where the family passes the standard.
    for (const m of family.members) {
      const n = m.index + 1;
      await expect(page.getByTestId(`member-${n}-total`)).toHaveText(money(m.total));
      await expect(page.getByTestId(`member-${n}-personal`)).toHaveText(money(m.personal));
      await expect(page.getByRole("heading", { name: e.result.memberStaysHeading.replace("{{n}}", String(n)) })).toBeVisible();
      for (const ep of m.episodes) {
        const id = `m${n}-stay-${ep.index + 1}`;
        await expect(page.getByTestId(`${id}-total`)).toHaveText(money(ep.total));
        await expect(page.getByTestId(`${id}-backstop`)).toHaveText(money(ep.paid.backstop ?? "0"));
        await expect(page.getByTestId(`${id}-personal`)).toHaveText(money(ep.personal));
      }
    }
    // The one-person 每次住院 section is not shown twice.
    await expect(page.getByTestId("stays")).toHaveCount(0);
    // At 390 px every amount stays on one line and inside the screen.
    for (const id of ["member-1-total", "member-2-personal", "m1-stay-1-backstop", "m2-stay-1-backstop", "layer-backstop-paid"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeLessThan(40);
    }
    await expectAccessible(page, "household estimate result");
    await page.getByTestId("family").screenshot({ path: `reports/screenshots/estimate-family-${lng}.png` });

    // The share link rebuilds the same family result in a new browser.
    const shared = await page.getByTestId("share-url").innerText();
    expect(new URL(shared).searchParams.get("members")).toBe("2");
    expect(new URL(shared).searchParams.get("m2.s1.total")).toBe("30000");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByTestId("personal")).toHaveText(headline);
    await expect(other.getByTestId("layer-backstop-paid")).toHaveText(money(backstop));
    await context.close();

    // Changing the answers brings member 2 back; removing them leaves member 1's one-person form, whole.
    await page.getByTestId("change").click();
    await expect(page.locator("#f-m2-s1-total")).toHaveValue("30000");
    await page.getByTestId("remove-member-2").click();
    await expect(page.getByTestId("member-2")).toHaveCount(0);
    await expect(page.locator("#f-total")).toHaveValue("40000");
    await expect(page.getByTestId("family-option")).toBeVisible();
  });
}
