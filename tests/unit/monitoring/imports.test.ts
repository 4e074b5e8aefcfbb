import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { generatePopulation, registryCsv, settlementCsv } from "@/lib/monitoring/generate";
import { areaMapping, batchErrorTable, importFormSchema, importFormValues, listBatches, rollbackForActor, runUpload, type ImportForm } from "@/lib/monitoring/imports";
import { parseRegistry, parseRegistryXlsx } from "@/lib/monitoring/service";
import { DEFAULT_COLUMNS, SETTLEMENT_FIELDS } from "@/lib/monitoring/settlement";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

// The import page's side of 政策找人 (issue 17): uploads for the staff member's own area, a column
// mapping remembered per area, a downloadable per-row error report, rollback of a whole batch.
const AREA = "330111";
const now = new Date("2026-12-02T09:00:00+08:00");
const pop = generatePopulation(9, { people: 150, registryHouseholds: 15, year: 2026 });
const fuyang = { id: "case-fy", role: "caseworker" as const, areaCode: AREA };
const approver = { id: "appr-fy", role: "approver" as const, areaCode: AREA };
const elsewhere = { id: "case-x", role: "caseworker" as const, areaCode: "450223" };
let t: TestDb;

/** The area's own header names: every default header with "（元）" or a prefix, as a district's system might export. */
const OWN_HEADERS = Object.fromEntries(SETTLEMENT_FIELDS.map((f) => [f, `本区${DEFAULT_COLUMNS[f]}`])) as Record<(typeof SETTLEMENT_FIELDS)[number], string>;

function renameHeaders(csv: string): string {
  const [head, ...rest] = csv.split("\n");
  const renamed = head.split(",").map((h) => `本区${h}`).join(",");
  return [renamed, ...rest].join("\n");
}

const month = (m: number, seed: number) => [...settlementCsv(pop, { rows: 400, year: 2026, seed, months: [m] })].join("");
const settlementsForm = (mapping: typeof DEFAULT_COLUMNS, m = 11, extra: Partial<Extract<ImportForm, { kind: "settlements" }>> = {}): ImportForm => ({
  kind: "settlements",
  from: `2026-${String(m).padStart(2, "0")}-01`,
  to: `2026-${String(m).padStart(2, "0")}-${m === 11 ? 30 : 31}`,
  encoding: "auto",
  skipBadRows: false,
  mapping,
  ...extra,
});

beforeAll(async () => {
  t = await createTestDb();
  await t.db.area.upsert({ where: { code: AREA }, create: { code: AREA, nameZhHans: "富阳区", nameZhHant: "富陽區", policyPackId: "zhejiang-district-2024" }, update: {} });
  await t.db.area.upsert({ where: { code: "450223" }, create: { code: "450223", nameZhHans: "鹿寨县", nameZhHant: "鹿寨縣", policyPackId: "luzhai-2018" }, update: {} });
}, 60_000);
afterAll(async () => t.close());

describe("monitoring imports (the upload page)", { timeout: 60_000 }, () => {
  it("the form is checked at the boundary: a period must lie in one year, required headers must be named", () => {
    const form = new FormData();
    form.set("kind", "settlements");
    form.set("from", "2026-12-01");
    form.set("to", "2027-01-31");
    for (const f of SETTLEMENT_FIELDS) form.set(`map.${f}`, DEFAULT_COLUMNS[f]);
    const wrongPeriod = importFormSchema.safeParse(importFormValues(form));
    expect(wrongPeriod.success).toBe(false);
    expect(wrongPeriod.error?.issues[0].message).toBe("period");
    form.set("to", "2026-12-31");
    form.set("map.personalCash", "");
    const noHeader = importFormSchema.safeParse(importFormValues(form));
    expect(noHeader.error?.issues[0].path[0]).toBe("mapping");
    form.set("map.personalCash", "个人现金支付");
    form.set("map.facility", ""); // optional: may be left out
    expect(importFormSchema.parse(importFormValues(form))).toMatchObject({ kind: "settlements", encoding: "auto", skipBadRows: false });
  });

  it("a registry (.csv) then an extract in the area's own headers: the mapping is remembered for the area only", async () => {
    const reg = await runUpload(t.db, { actor: fuyang, form: { kind: "registry" }, fileName: "名册.csv", bytes: Buffer.from(registryCsv(pop)), now });
    expect(reg.status).toBe("committed");
    expect(await areaMapping(t.db, AREA)).toEqual(DEFAULT_COLUMNS);
    const out = await runUpload(t.db, { actor: fuyang, form: settlementsForm(OWN_HEADERS), fileName: "11月.csv", bytes: Buffer.from(renameHeaders(month(11, 3))), now });
    expect(out).toMatchObject({ status: "committed" });
    expect(await areaMapping(t.db, AREA)).toEqual(OWN_HEADERS);
    expect(await areaMapping(t.db, "450223")).toEqual(DEFAULT_COLUMNS);
    const batches = (await listBatches(t.db, fuyang))!;
    expect(batches.map((b) => [b.kind, b.state])).toEqual([["settlements", "committed"], ["registry", "committed"]]);
    expect(batches[0].flags).toBeGreaterThan(0);
    expect(await listBatches(t.db, { id: "admin", role: "admin", areaCode: null })).toBeNull();
    expect(await listBatches(t.db, elsewhere)).toEqual([]);
  });

  it("an .xlsx extract imports like its CSV; the same file again changes nothing", async () => {
    const rows = Papa.parse<string[]>(month(10, 4), { skipEmptyLines: true }).data;
    const xlsx = await writeXlsxFile(rows.map((r) => r.map((v) => ({ value: v }))) as never).toBuffer();
    const form = settlementsForm(DEFAULT_COLUMNS, 10);
    const first = await runUpload(t.db, { actor: fuyang, form, fileName: "10月.xlsx", bytes: xlsx, now });
    expect(first.status).toBe("committed");
    const again = await runUpload(t.db, { actor: fuyang, form, fileName: "10月.xlsx", bytes: xlsx, now });
    expect(again).toEqual({ status: "unchanged", batchId: (first as { batchId: string }).batchId });
    expect((await runUpload(t.db, { actor: fuyang, form, fileName: "10月.xls", bytes: xlsx, now })).status).toBe("error");
  });

  it("a registry saved as .xlsx reads as its CSV does", async () => {
    const csv = registryCsv(pop);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const xlsx = await writeXlsxFile(rows.map((r) => r.map((v) => ({ value: v }))) as never).toBuffer();
    const fromXlsx = await parseRegistryXlsx(xlsx);
    const fromCsv = parseRegistry(Buffer.from(csv));
    expect(fromXlsx.report).toMatchObject({ accepted: fromCsv.report.accepted, rejected: 0 });
    expect([...fromXlsx.households.entries()]).toEqual([...fromCsv.households.entries()]);
  });

  it("a file with bad rows is refused whole; its per-row report is kept (line, error, column, no personal values) for the area only", async () => {
    const good = month(9, 5).split("\n");
    // Line 3: a bad ID number; line 5: a date outside the period.
    const cells3 = good[2].split(",");
    cells3[1] = "330183199001011230";
    good[2] = cells3.join(",");
    const cells5 = good[4].split(",");
    cells5[3] = "2026-08-31";
    good[4] = cells5.join(",");
    const before = await t.db.monitoringCost.count();
    const out = await runUpload(t.db, { actor: fuyang, form: settlementsForm(DEFAULT_COLUMNS, 9), fileName: "9月.csv", bytes: Buffer.from(good.join("\n")), now });
    expect(out.status).toBe("refused");
    expect(await t.db.monitoringCost.count()).toBe(before);
    const batchId = (out as { batchId: string }).batchId;
    const label = (k: string, v?: Record<string, string>) => (v ? `${k}:${JSON.stringify(v)}` : k);
    const table = (await batchErrorTable(t.db, fuyang, batchId, now, label))!;
    expect(table.rows).toEqual([
      ["report.line", "report.error", "report.column"],
      ["3", "rowError.id-number", "field.idNumber"],
      ["5", "rowError.outside-period", "field.date"],
    ]);
    expect(JSON.stringify(table.rows)).not.toContain("330183");
    expect(await batchErrorTable(t.db, elsewhere, batchId, now, label)).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "monitoring.batch.report", target: batchId } })).toBe(1);
    // The caseworker read the report and imports the good rows: the refused record becomes the batch.
    const skipped = await runUpload(t.db, { actor: fuyang, form: settlementsForm(DEFAULT_COLUMNS, 9, { skipBadRows: true }), fileName: "9月.csv", bytes: Buffer.from(good.join("\n")), now });
    expect(skipped.status).toBe("committed");
    const batch = (await listBatches(t.db, fuyang))!.find((b) => b.fileName === "9月.csv")!;
    expect(batch).toMatchObject({ state: "committed", rejected: 2, hasErrors: true });
  });

  it("a file that cannot be read says why (missing columns named)", async () => {
    const out = await runUpload(t.db, { actor: fuyang, form: settlementsForm({ ...DEFAULT_COLUMNS, personalCash: "自付现金" }, 8), fileName: "8月.csv", bytes: Buffer.from(month(8, 6)), now });
    expect(out.status).toBe("refused");
    const table = (await batchErrorTable(t.db, fuyang, (out as { batchId: string }).batchId, now, (k, v) => (v ? `${k}|${v.missing}` : k)))!;
    expect(table.rows[1]).toEqual(["", "problem.header|自付现金", "自付现金"]);
  });

  it("rollback: only the batch's own area; the whole batch goes, audited; not twice; refused once a flag is worked on", async () => {
    const batches = (await listBatches(t.db, fuyang))!;
    const november = batches.find((b) => b.fileName === "11月.csv")!;
    expect(await rollbackForActor(t.db, elsewhere, november.id, now)).toEqual({ ok: false, reason: "not-found" });
    expect(await rollbackForActor(t.db, approver, november.id, now)).toEqual({ ok: true });
    expect(await t.db.monitoringFlag.count({ where: { batchId: november.id } })).toBe(0);
    expect(await t.db.monitoringCost.count({ where: { batchId: november.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "monitoring.batch.rollback", target: november.id } })).toBe(1);
    expect(await rollbackForActor(t.db, fuyang, november.id, now)).toEqual({ ok: false, reason: "already-rolled-back" });
    expect((await listBatches(t.db, fuyang))!.find((b) => b.id === november.id)).toMatchObject({ state: "rolled-back", flags: 0 });

    const october = batches.find((b) => b.fileName === "10月.xlsx")!;
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { batchId: october.id } });
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "visit" } });
    expect((await listBatches(t.db, fuyang))!.find((b) => b.id === october.id)!.workedFlags).toBe(1);
    expect(await rollbackForActor(t.db, fuyang, october.id, now)).toEqual({ ok: false, reason: "flags-worked-on" });
  });
});
