import { Readable } from "node:stream";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reachOf, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/db/audit";
import { importRegistry, importSettlements, rollbackBatch, type ImportOutcome, type RollbackOutcome } from "@/lib/monitoring/service";
import type { ReadReport } from "@/lib/monitoring/read-csv";
import { MAX_XLSX_ROWS } from "@/lib/monitoring/read-xlsx";
import { columnMappingSchema, DEFAULT_COLUMNS, SETTLEMENT_FIELDS, type ColumnMapping, type RowError } from "@/lib/monitoring/settlement";

/**
 * The import page's side of an area's monitoring batches: its remembered column mapping, an upload
 * (settlement extract or household registry, .csv or .xlsx) checked at the boundary and run through
 * lib/monitoring/service.ts, the list of batches with their error reports, and rollback. The area
 * always comes from the actor (lib/auth/access.ts reach "area"), never from the form.
 *
 * Who may roll back: the area's caseworkers (they import, and undo their own mistakes) and
 * approvers. A rollback decides nothing about a family: it is refused once anyone has acted on one
 * of the batch's flags, it takes the batch back whole, and it is audited; the batch row stays.
 */

type Db = PrismaClient;

/** The area an actor imports for, with its pack; null for an actor bound to no single area (an admin picks none here). */
export async function importArea(db: Db, actor: Actor): Promise<{ code: string; policyPackId: string } | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return null;
  return db.area.findUnique({ where: { code: reach.areaCode }, select: { code: true, policyPackId: true } });
}

/** The area's saved mapping, else the default layout. */
export async function areaMapping(db: Db, areaCode: string): Promise<ColumnMapping> {
  const row = await db.monitoringAreaSettings.findUnique({ where: { areaCode } });
  if (!row) return { ...DEFAULT_COLUMNS };
  const parsed = columnMappingSchema.safeParse(JSON.parse(row.mappingJson));
  return parsed.success ? parsed.data : { ...DEFAULT_COLUMNS };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" });

/** The upload form, as plain fields (FormData values); the file is checked separately. */
export const importFormSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("registry") }),
  z
    .object({
      kind: z.literal("settlements"),
      from: isoDate,
      to: isoDate,
      encoding: z.enum(["auto", "utf-8", "gbk"]).default("auto"),
      skipBadRows: z.boolean().default(false),
      mapping: columnMappingSchema,
    })
    // One period inside one calendar year: the batch screens that year to date.
    .refine((v) => v.from <= v.to && v.from.slice(0, 4) === v.to.slice(0, 4), { error: "period", path: ["to"] }),
]);
export type ImportForm = z.infer<typeof importFormSchema>;

/** FormData → the schema's input (headers per field as `map.<field>`; empty optional headers left out). */
export function importFormValues(form: FormData): unknown {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const mapping: Record<string, string> = {};
  for (const f of SETTLEMENT_FIELDS) if (text(`map.${f}`)) mapping[f] = text(`map.${f}`);
  return {
    kind: text("kind"),
    from: text("from"),
    to: text("to"),
    encoding: text("encoding") || "auto",
    skipBadRows: form.get("skipBadRows") === "1",
    mapping,
  };
}

export function fileFormat(fileName: string): "csv" | "xlsx" | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

export type UploadOutcome =
  | { status: "committed"; batchId: string; flags?: number }
  | { status: "unchanged"; batchId: string }
  | { status: "refused"; batchId: string | null; report: ReadReport }
  | { status: "error"; code: "no-area" | "format" };

/**
 * Runs one upload for the actor's area. A settlement upload remembers its mapping for the area; a
 * refused file is kept as a "refused" batch (its error report only: lines, codes and fields, no
 * personal values) so the report can be downloaded; nothing else of it is stored.
 */
export async function runUpload(
  db: Db,
  input: { actor: Actor; form: ImportForm; fileName: string; bytes: Buffer; now: Date },
): Promise<UploadOutcome> {
  const area = await importArea(db, input.actor);
  if (!area) return { status: "error", code: "no-area" };
  const format = fileFormat(input.fileName);
  if (!format) return { status: "error", code: "format" };
  const base = { areaCode: area.code, actorId: input.actor.id, fileName: input.fileName, now: input.now };
  const f = input.form;
  let outcome: ImportOutcome;
  if (f.kind === "registry") {
    outcome = await importRegistry(db, { ...base, bytes: input.bytes, format });
  } else {
    await db.monitoringAreaSettings.upsert({
      where: { areaCode: area.code },
      create: { areaCode: area.code, mappingJson: JSON.stringify(f.mapping), updatedById: input.actor.id },
      update: { mappingJson: JSON.stringify(f.mapping), updatedById: input.actor.id },
    });
    outcome = await importSettlements(db, {
      ...base,
      input: Readable.from([input.bytes]),
      encoding: f.encoding,
      mapping: f.mapping,
      period: { from: f.from, to: f.to },
      packId: area.policyPackId,
      skipBadRows: f.skipBadRows,
      format,
    });
  }
  if (outcome.status !== "refused") return outcome;
  const batchId = await recordRefused(db, { ...base, kind: f.kind, fileHash: outcome.fileHash, report: outcome.report, period: f.kind === "settlements" ? { from: f.from, to: f.to } : null });
  return { status: "refused", batchId, report: outcome.report };
}

async function recordRefused(
  db: Db,
  input: { areaCode: string; actorId: string; fileName: string; now: Date; kind: string; fileHash: string; report: ReadReport; period: { from: string; to: string } | null },
): Promise<string | null> {
  const key = { areaCode_kind_fileHash: { areaCode: input.areaCode, kind: input.kind, fileHash: input.fileHash } };
  const existing = await db.monitoringBatch.findUnique({ where: key });
  // A committed or rolled-back batch of the same bytes keeps its record.
  if (existing && existing.state !== "refused") return null;
  const r = input.report;
  const data = {
    fileName: input.fileName.slice(0, 200),
    periodFrom: input.period?.from ?? null,
    periodTo: input.period?.to ?? null,
    state: "refused",
    lines: r.lines,
    accepted: r.accepted,
    rejected: r.rejected,
    report: JSON.stringify({ errorCounts: r.errorCounts, errors: r.errors, encoding: r.encoding, problem: r.problem ?? null }),
    createdById: input.actorId,
    createdAt: input.now,
  };
  const row = existing
    ? await db.monitoringBatch.update({ where: { id: existing.id }, data })
    : await db.monitoringBatch.create({ data: { ...data, areaCode: input.areaCode, kind: input.kind, fileHash: input.fileHash } });
  await recordAudit(db, { actorType: "staff", actorId: input.actorId, action: `monitoring.${input.kind}.refused`, target: row.id, at: input.now });
  return row.id;
}

export interface BatchView {
  id: string;
  kind: "registry" | "settlements";
  fileName: string;
  periodFrom: string | null;
  periodTo: string | null;
  state: "committed" | "rolled-back" | "refused";
  lines: number;
  accepted: number;
  rejected: number;
  flags: number;
  /** Flags someone has acted on: rollback is refused while there are any. */
  workedFlags: number;
  createdAt: Date;
  rolledBackAt: Date | null;
  hasErrors: boolean;
  problem: StoredReport["problem"];
}

interface StoredReport {
  errorCounts: Record<string, number>;
  errors: RowError[];
  encoding: string;
  problem?: ReadReport["problem"] | null;
}

const readReport = (json: string): StoredReport => JSON.parse(json) as StoredReport;

/** The actor's area's batches, newest first; null for an actor who reaches no single area. */
export async function listBatches(db: Db, actor: Actor, take = 50): Promise<BatchView[] | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return null;
  const rows = await db.monitoringBatch.findMany({ where: { areaCode: reach.areaCode }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const counts = await db.monitoringFlag.groupBy({ by: ["batchId", "state"], where: { batchId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  return rows.map((r) => {
    const mine = counts.filter((c) => c.batchId === r.id);
    const report = readReport(r.report);
    return {
      id: r.id,
      kind: r.kind as BatchView["kind"],
      fileName: r.fileName,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      state: r.state as BatchView["state"],
      lines: r.lines,
      accepted: r.accepted,
      rejected: r.rejected,
      flags: mine.reduce((n, c) => n + c._count._all, 0),
      workedFlags: mine.filter((c) => c.state !== "open").reduce((n, c) => n + c._count._all, 0),
      createdAt: r.createdAt,
      rolledBackAt: r.rolledBackAt,
      hasErrors: report.errors.length > 0 || !!report.problem,
      problem: report.problem ?? undefined,
    };
  });
}

/**
 * A batch's error report as table rows (first row the headers): line, error, column. Only for the
 * batch's own area; `label` translates (keys under staff:monitoring.imports). Audited.
 */
export async function batchErrorTable(
  db: Db,
  actor: Actor,
  batchId: string,
  now: Date,
  label: (key: string, vars?: Record<string, string>) => string,
): Promise<{ fileName: string; rows: string[][] } | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return null;
  const batch = await db.monitoringBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.areaCode !== reach.areaCode) return null;
  const report = readReport(batch.report);
  const rows: string[][] = [[label("report.line"), label("report.error"), label("report.column")]];
  if (report.problem) {
    const missing = report.problem.code === "header" ? report.problem.missing.join("、") : "";
    rows.push(["", label(`problem.${report.problem.code}`, { limit: String(MAX_XLSX_ROWS), missing }), missing]);
  }
  for (const e of report.errors) rows.push([String(e.line), label(`rowError.${e.code}`), e.field ? label(`field.${e.field}`) : ""]);
  const more = batch.rejected - report.errors.length;
  if (more > 0) rows.push(["", label("report.more", { count: String(more) }), ""]);
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "monitoring.batch.report", target: batch.id, at: now });
  return { fileName: batch.fileName, rows };
}

/** Rolls a batch of the actor's area back whole (lib/monitoring/service.ts rollbackBatch; audited there). */
export async function rollbackForActor(db: Db, actor: Actor, batchId: string, now: Date): Promise<RollbackOutcome> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return { ok: false, reason: "not-found" };
  return rollbackBatch(db, { batchId, areaCode: reach.areaCode, actorId: actor.id, now });
}
