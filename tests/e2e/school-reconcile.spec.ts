import { expect, test, type Download } from "@playwright/test";
import { scripts, signInStaff } from "@/tests/e2e/helpers";
import { readRosterFile } from "@/lib/schools/roster-file";
import { encodeGbk, HEADER, makeIdNumber, makePupilRows, toCsv, toXlsx } from "@/tests/unit/schools/fixtures";
import hans from "@/locales/zh-Hans/school.json";
import hant from "@/locales/zh-Hant/school.json";

const texts = { "zh-Hans": hans, "zh-Hant": hant } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

for (const lng of scripts) {
  test(`${lng}: the admin reconciles the 税务 return file, decides a conflict, sees the class's unpaid list and downloads the export`, async ({ page }) => {
    const t = texts[lng];
    const seed = lng === "zh-Hans" ? 11 : 12;
    // Four pupils of 三年级 in a class of this test's own, so other tests' pupils never mix into its lists.
    const className = lng === "zh-Hans" ? "对账1班" : "对账2班";
    const pupils = makePupilRows(24, { seed, region: lng === "zh-Hans" ? "210111" : "210112" })
      .filter((_, i) => i % 6 === 2)
      .map((row) => [...row.slice(0, 4), className, row[5]]);
    const section = page.locator(`[data-testid="unpaid-class"][data-class="三年级 ${className}"]`);

    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    await page.goto(`/${lng}/school/import`);
    await page.getByTestId("mode-add").check();
    await page.getByTestId("roster-file").setInputFiles({ name: "r.csv", mimeType: "text/csv", buffer: Buffer.from(toCsv([HEADER, ...pupils])) });
    await page.getByTestId("upload").click();
    await page.getByTestId("commit").click();
    await expect(page.getByTestId("imported")).toBeVisible();

    // 1. The first return file (.xlsx under a title row): pupils 0 and 1 paid, one ID not on the roster, one unreadable status.
    await page.goto(`/${lng}/school`);
    await page.getByTestId("to-reconcile").click();
    const first = await toXlsx([
      ["2027年度城乡居民医保缴费明细（学校）", "", ""],
      ["缴费人证件号码", "缴费状态", "缴费日期"],
      [pupils[0][1], "已缴费", "2026-11-05"],
      [pupils[1][1], "正常参保", "2026-11-06"],
      [makeIdNumber("2017-05-05", 901, "210113"), "已缴费", "2026-11-06"],
      [pupils[3][1], "处理中", ""],
    ]);
    await page.getByTestId("return-file").setInputFiles({ name: "回盘.xlsx", mimeType: XLSX, buffer: Buffer.from(first) });
    await page.getByTestId("return-upload").click();
    await expect(page.getByTestId("reconcile-summary")).toContainText("2");
    await expect(page.getByTestId("unknown-row")).toHaveCount(1);
    await expect(page.getByTestId("return-problems")).toContainText(t.reconcile.problem["status-unknown"]);
    await expect(page.getByTestId("conflict")).toHaveCount(0);
    await page.getByTestId("reconcile-commit").click();
    await page.waitForURL(`**/${lng}/school/unpaid?reconciled=1**`);
    await expect(page.getByTestId("reconciled")).toBeVisible();
    await expect(section.getByTestId("unpaid-pupil")).toHaveCount(2);

    // 2. A later file (GBK CSV, as Chinese Excel saves it) says pupil 0 is unpaid after all, and pupil 2 paid:
    //    the conflict is shown and changes nothing until decided; the admin takes the file's word.
    await page.goto(`/${lng}/school/reconcile`);
    const second = encodeGbk(toCsv([["身份证号", "缴费状态", "缴费日期"], [pupils[0][1], "未缴费", "2026-11-20"], [pupils[2][1], "已缴费", "2026-11-20"]]));
    await page.getByTestId("return-file").setInputFiles({ name: "回盘2.csv", mimeType: "text/csv", buffer: Buffer.from(second) });
    await page.getByTestId("return-upload").click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText(t.status.enrolled);
    await expect(conflict).toContainText(t.reconcile.file.unpaid);
    await expect(conflict).toContainText(`${pupils[0][1].slice(0, 3)}***********${pupils[0][1].slice(-4)}`);
    await conflict.getByTestId("decide-take").check();
    await page.getByTestId("reconcile-commit").click();
    await page.waitForURL(`**/${lng}/school/unpaid?reconciled=1**`);
    // Pupil 0 (taken back to 待缴费) and pupil 3 remain unpaid in the class; pupils 1 and 2 are confirmed.
    await expect(section.getByTestId("unpaid-pupil")).toHaveCount(2);
    await expect(section).toContainText(t.status.unpaid);

    // 3. The export in the area's layout: the admin's file has the ID numbers in clear and the office's status words.
    await page.goto(`/${lng}/school`);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-xlsx").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readRosterFile(new Uint8Array(await bytesOf(file)), "export.xlsx");
    if (!sheet.ok) throw new Error(sheet.error);
    const [header, ...rows] = sheet.sheet.rows;
    const idAt = header.indexOf("证件号码");
    const statusAt = header.indexOf("参保缴费状态");
    const statusOf = (id: string) => rows.find((r) => r[idAt] === id)?.[statusAt];
    expect(statusOf(pupils[0][1])).toBe("未缴费");
    expect(statusOf(pupils[1][1])).toBe("已缴费");
    expect(statusOf(pupils[2][1])).toBe("已缴费");
    expect(statusOf(pupils[3][1])).toBe("未缴费");

    const csv = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    expect((await bytesOf(await csv)).toString("utf8")).toContain(pupils[2][1]);
  });
}
