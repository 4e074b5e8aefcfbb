import { expect, test } from "@playwright/test";
import { readCodeFromOutbox, scripts, signInStaff, text } from "@/tests/e2e/helpers";
import { encodeGbk, HEADER, makePupilRows, toCsv, toXlsx } from "@/tests/unit/schools/fixtures";
import hans from "@/locales/zh-Hans/school.json";
import hant from "@/locales/zh-Hant/school.json";

const texts = { "zh-Hans": hans, "zh-Hant": hant } as const;

/** Five broken rows among 200: a wrong check digit, a duplicate, a bad phone, an unknown grade, a missing class. */
function rosterWithErrors(seed: number): { rows: string[][]; original: string[][]; broken: number[] } {
  const rows = makePupilRows(200, { seed, region: seed === 1 ? "210103" : "210104" });
  const original = rows.map((row) => [...row]);
  rows[3][1] = rows[3][1].slice(0, 17) + (rows[3][1][17] === "1" ? "2" : "1");
  rows[10][1] = rows[9][1];
  rows[20][5] = "12345";
  rows[30][3] = "大学";
  rows[40][4] = "";
  return { rows, original, broken: [3, 10, 20, 30, 40] };
}

for (const lng of scripts) {
  test(`${lng}: a school admin imports a 200-row roster with errors, downloads the error file, commits, then adds the fixed rows`, async ({ page }) => {
    const t = texts[lng];
    const seed = lng === "zh-Hans" ? 1 : 2;
    const { rows, original, broken } = rosterWithErrors(seed);
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));

    // A hostile file: refused in words, nothing stored.
    await page.goto(`/${lng}/school/import`);
    await page.getByTestId("roster-file").setInputFiles({ name: "照片.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    await page.getByTestId("upload").click();
    await expect(page.getByTestId("import-error")).toHaveText(t.import.fileError["old-xls"]);

    // The roster, as .xlsx, under a title row: the header row and columns are found by themselves.
    const bytes = await toXlsx([["沈阳市示例第一小学 2027 年度学生参保名册", "", "", "", "", ""], HEADER, ...rows]);
    await page.getByTestId("mode-add").check();
    await page.getByTestId("roster-file").setInputFiles({ name: "名册.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    await page.getByTestId("upload").click();
    await expect(page.getByTestId("preview-summary")).toContainText("200");
    await expect(page.getByTestId("header-row")).toHaveValue("1");
    await expect(page.getByTestId("problem-row")).toHaveCount(broken.length);
    await expect(page.getByTestId("problem-rows")).toContainText(t.import.problem["id-check-digit"]);
    await expect(page.getByTestId("problem-rows")).toContainText(t.import.problem["phone-format"]);

    const download = page.waitForEvent("download");
    await page.getByTestId("download-errors").click();
    const file = await download;
    const csv = (await file.createReadStream().then(async (s) => { const chunks: Buffer[] = []; for await (const c of s) chunks.push(c as Buffer); return Buffer.concat(chunks); })).toString("utf8");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + broken.length);
    expect(csv).toContain(t.import.problem["id-check-digit"]);

    await page.getByTestId("commit").click();
    await page.waitForURL(`**/${lng}/school/roster?imported=1**`);
    await expect(page.getByTestId("imported")).toContainText("195");

    // The admin fixes the five rows and imports them as an added list (CSV in GBK, as Chinese Excel saves it).
    const fixed = broken.map((i) => [...original[i]]);
    const gbk = encodeGbk(toCsv([HEADER, ...fixed]));
    await page.goto(`/${lng}/school/import`);
    await page.getByTestId("mode-add").check();
    await page.getByTestId("roster-file").setInputFiles({ name: "补充.csv", mimeType: "text/csv", buffer: Buffer.from(gbk) });
    await page.getByTestId("upload").click();
    await expect(page.getByTestId("problem-row")).toHaveCount(0);
    await page.getByTestId("commit").click();
    await expect(page.getByTestId("imported")).toContainText("5");

    // The dashboard: the season from the pack, days left, counts per class.
    await page.goto(`/${lng}/school`);
    await expect(page.getByTestId("season")).toBeVisible();
    await expect(page.getByTestId("class-table-row").first()).toBeVisible();
    await expect(page.getByTestId("school-total-rate")).toHaveText(/%$/);
  });
}

for (const lng of scripts) {
  test(`${lng}: the admin invites a class teacher by phone; the teacher signs in with a code and sees only their class`, async ({ page, browser, baseURL }) => {
    const t = texts[lng];
    const phone = lng === "zh-Hans" ? "13900000101" : "13900000102";
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    // A roster for the class first (an added list: other tests' pupils stay).
    await page.goto(`/${lng}/school/import`);
    await page.getByTestId("mode-add").check();
    const rows = makePupilRows(8, { seed: lng === "zh-Hans" ? 3 : 4, region: lng === "zh-Hans" ? "210105" : "210106" });
    await page.getByTestId("roster-file").setInputFiles({ name: "r.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv([HEADER, ...rows])) });
    await page.getByTestId("upload").click();
    await page.getByTestId("commit").click();
    await expect(page.getByTestId("imported")).toBeVisible();

    await page.goto(`/${lng}/school/teachers`);
    await page.getByTestId("teacher-displayName").fill("王老师");
    await page.getByTestId("teacher-phone").fill(phone);
    await page.getByTestId("teacher-grade").fill("一年级");
    await page.getByTestId("teacher-className").fill("1班");
    await page.getByTestId("invite-teacher").click();
    await expect(page.getByTestId("teacher").filter({ hasText: `${phone.slice(0, 3)}****${phone.slice(7)}` })).toBeVisible();

    // The teacher, on their own phone.
    const teacher = await (await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" })).newPage();
    await teacher.goto(`/${lng}/school/teacher-login`);
    await teacher.getByLabel(text[lng].auth.citizen.phoneLabel).fill(phone);
    await teacher.getByRole("button", { name: text[lng].auth.citizen.sendCode }).click();
    const code = await readCodeFromOutbox(teacher, lng, phone);
    await teacher.getByLabel(text[lng].auth.citizen.codeLabel).fill(code);
    await teacher.getByRole("button", { name: text[lng].auth.citizen.submit, exact: true }).click();
    await expect(teacher).toHaveURL(new RegExp(`/${lng}/school/class$`));
    await expect(teacher.getByTestId("class-counts")).toBeVisible();
    const statuses = teacher.getByTestId("class-pupil-status");
    expect(await statuses.count()).toBeGreaterThan(0);
    await expect(statuses.filter({ hasText: t.status.unpaid }).first()).toBeVisible();
    // The seeded funded pupil of 一年级 1班: "no payment needed", never why.
    await expect(teacher.getByTestId("class-pupil-status").and(teacher.locator('[data-status="funded"]')).first()).toHaveText(t.status.funded);
    await expect(teacher.getByTestId("class-roster")).not.toContainText(/低保|特困|孤儿/);
    // The admin's pages are not the teacher's.
    const response = await teacher.goto(`/${lng}/school/roster`);
    expect(response?.status()).toBe(404);
  });
}
