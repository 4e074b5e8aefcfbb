import { createHash } from "node:crypto";
import { PassThrough, type Readable } from "node:stream";
import Papa from "papaparse";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import { addHelpLink, helpChainFor, householdOf } from "@/lib/people/help-chain";
import { findOrCreatePerson } from "@/lib/people/persons";
import { normalizePhone } from "@/lib/auth/phone";
import { monitoringRulesOn } from "@/lib/policy/monitoring-rules";
import type { Category } from "@/lib/policy/types";
import { CostLedger, SCHEME_CODES, type MonthCosts } from "@/lib/monitoring/ledger";
import { readSettlementCsv, type CsvEncoding, type FileProblem, type ReadReport } from "@/lib/monitoring/read-csv";
import { MemoryRegistry, screen, type Certification, type Flag } from "@/lib/monitoring/screen";
import { readSettlementXlsx, readXlsxRows } from "@/lib/monitoring/read-xlsx";
import { normaliseIdNumber, parseSettlementDate, type ColumnMapping, type Period, type RowError, type SettlementRow } from "@/lib/monitoring/settlement";

/**
 * An area's monitoring batches in the database: the household registry and settlement extracts
 * come in as dated batches (idempotent by file hash, committed whole in one transaction, rolled
 * back whole), and a settlement batch screens the area's year to date and writes flags to its
 * queue, each also a link on the household's help chain. ID numbers are matched by keyed hash and
 * stored only encrypted (lib/people); certifications, costs and flag cards are encrypted too.
 */

type Db = PrismaClient;

export type ImportOutcome =
  | { status: "committed"; batchId: string; report: ReadReport; flags?: number }
  | { status: "unchanged"; batchId: string }
  | { status: "refused"; report: ReadReport; fileHash: string };

// ------------------------------------------------------------------ registry

/** The registry file layout (民政 / 乡村振兴 lists), one row per household member. */
export const REGISTRY_COLUMNS = {
  household: "户编号",
  idNumber: "身份证号码",
  name: "姓名",
  relation: "与户主关系",
  phone: "手机号码",
  category: "认定类别",
  certifiedFrom: "认定日期",
  certifiedTo: "终止日期",
} as const;

export const CATEGORY_SPELLINGS: Record<string, Category> = {
  特困: "tekun",
  特困人员: "tekun",
  孤儿: "orphan",
  低保: "dibao",
  低保对象: "dibao",
  低边: "dibao-edge",
  低保边缘: "dibao-edge",
  监测对象: "at-risk",
  易返贫致贫: "at-risk",
  因病致困: "medical-poverty",
  支出型困难: "medical-poverty",
  低收入: "low-income",
};

function emptyReport(): ReadReport {
  return { lines: 0, accepted: 0, errorCounts: {}, errors: [], rejected: 0, encoding: "utf-8" };
}

function decodeWhole(bytes: Buffer): { text: string; encoding: "utf-8" | "gbk" } | null {
  for (const encoding of ["utf-8", "gbk"] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      /* try the next */
    }
  }
  return null;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface RegistryMember {
  idNumber: string;
  name: string;
  relation: string | null;
  phone: string | null;
}

type RegistryHouseholds = Map<string, { members: RegistryMember[]; certifications: Certification[] }>;

/** Reads and checks a registry file (CSV, UTF-8 or GBK); nothing is written when any row is bad (all or nothing). */
export function parseRegistry(bytes: Buffer): { report: ReadReport; households: RegistryHouseholds } {
  const decoded = decodeWhole(bytes);
  if (!decoded) return { report: { ...emptyReport(), problem: { code: "encoding", encoding: "utf-8" } }, households: new Map() };
  const rows = Papa.parse<string[]>(decoded.text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" }).data;
  return parseRegistryRows(rows, decoded.encoding);
}

/** The same checks over a registry saved as .xlsx (first sheet; at most MAX_XLSX_ROWS rows). */
export async function parseRegistryXlsx(bytes: Buffer): Promise<{ report: ReadReport; households: RegistryHouseholds }> {
  const rows = await readXlsxRows(bytes);
  if ("problem" in rows) return { report: { ...emptyReport(), problem: rows.problem }, households: new Map() };
  return parseRegistryRows(rows.rows, "utf-8");
}

function parseRegistryRows(rows: string[][], encoding: "utf-8" | "gbk"): { report: ReadReport; households: RegistryHouseholds } {
  const report = emptyReport();
  report.encoding = encoding;
  const households: RegistryHouseholds = new Map();
  if (rows.length === 0) return { report: { ...report, problem: { code: "empty" } }, households };
  const head = rows[0].map((h) => h.trim());
  const at = Object.fromEntries(Object.entries(REGISTRY_COLUMNS).map(([k, h]) => [k, head.indexOf(h)])) as Record<keyof typeof REGISTRY_COLUMNS, number>;
  const required = ["household", "idNumber", "category", "certifiedFrom"] as const;
  const missing = required.filter((k) => at[k] < 0).map((k) => REGISTRY_COLUMNS[k]);
  if (missing.length) return { report: { ...report, problem: { code: "header", missing } }, households };
  const seen = new Set<string>();
  const reject = (line: number, code: RowError["code"], field?: string) => {
    report.rejected++;
    report.errorCounts[code] = (report.errorCounts[code] ?? 0) + 1;
    if (report.errors.length < 1000) report.errors.push({ line, code, ...(field ? { field: field as never } : {}) });
  };
  for (let i = 1; i < rows.length; i++) {
    const line = i + 1;
    const cell = (k: keyof typeof REGISTRY_COLUMNS) => (at[k] < 0 ? "" : (rows[i][at[k]] ?? "").trim());
    report.lines++;
    const key = cell("household");
    if (!key || key.length > 64) {
      reject(line, "columns");
      continue;
    }
    const idNumber = normaliseIdNumber(cell("idNumber"));
    if (!idNumber) {
      reject(line, "id-number", "idNumber");
      continue;
    }
    const category = CATEGORY_SPELLINGS[cell("category")];
    if (!category) {
      reject(line, "columns", "category");
      continue;
    }
    const from = parseSettlementDate(cell("certifiedFrom"));
    const toText = cell("certifiedTo");
    const to = toText ? parseSettlementDate(toText) : null;
    if (!from || (toText && !to)) {
      reject(line, "date", "date");
      continue;
    }
    const phoneText = cell("phone");
    const phone = phoneText ? normalizePhone(phoneText) : null;
    if (phone !== null && !/^1\d{10}$/.test(phone)) {
      reject(line, "columns", "phone");
      continue;
    }
    if (seen.has(`${key}\u0000${idNumber}`)) {
      reject(line, "duplicate");
      continue;
    }
    seen.add(`${key}\u0000${idNumber}`);
    let h = households.get(key);
    if (!h) households.set(key, (h = { members: [], certifications: [] }));
    h.members.push({ idNumber, name: cell("name"), relation: cell("relation") || null, phone: phone || null });
    if (!h.certifications.some((c) => c.category === category && c.from === from)) h.certifications.push({ category, from, to });
    report.accepted++;
  }
  return { report, households };
}

export async function importRegistry(
  db: Db,
  input: { areaCode: string; actorId: string; fileName: string; bytes: Buffer; now: Date; format?: "csv" | "xlsx" },
): Promise<ImportOutcome> {
  const fileHash = sha256(input.bytes);
  const existing = await db.monitoringBatch.findUnique({ where: { areaCode_kind_fileHash: { areaCode: input.areaCode, kind: "registry", fileHash } } });
  if (existing?.state === "committed") return { status: "unchanged", batchId: existing.id };
  const { report, households } = input.format === "xlsx" ? await parseRegistryXlsx(input.bytes) : parseRegistry(input.bytes);
  if (report.problem || report.rejected > 0) return { status: "refused", report, fileHash };
  const batchId = await db.$transaction(
    async (tx) => {
      if (existing) await tx.monitoringBatch.delete({ where: { id: existing.id } });
      const batch = await tx.monitoringBatch.create({
        data: {
          areaCode: input.areaCode,
          kind: "registry",
          fileHash,
          fileName: input.fileName.slice(0, 200),
          lines: report.lines,
          accepted: report.accepted,
          rejected: 0,
          report: JSON.stringify({ errorCounts: report.errorCounts, errors: report.errors, encoding: report.encoding }),
          createdById: input.actorId,
          createdAt: input.now,
        },
      });
      for (const [registryKey, h] of households) {
        const household = await tx.household.upsert({
          where: { areaCode_registryKey: { areaCode: input.areaCode, registryKey } },
          create: { areaCode: input.areaCode, registryKey },
          update: {},
        });
        for (const m of h.members) {
          const person = await findOrCreatePerson(tx, { idNumber: m.idNumber, name: m.name || null, phone: m.phone, areaCode: input.areaCode, via: "registry" });
          await tx.householdMember.upsert({
            where: { householdId_personId: { householdId: household.id, personId: person.id } },
            create: { householdId: household.id, personId: person.id, relation: m.relation },
            update: { relation: m.relation },
          });
        }
        for (const c of h.certifications) {
          await tx.monitoringCertification.create({
            data: { batchId: batch.id, householdId: household.id, areaCode: input.areaCode, detailEncrypted: encryptField(JSON.stringify(c)) },
          });
        }
      }
      await recordAudit(tx, { actorType: "staff", actorId: input.actorId, action: "monitoring.registry.import", target: batch.id, at: input.now });
      return batch.id;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return { status: "committed", batchId, report };
}

// ------------------------------------------------------------------ settlements

/** The area's registry as the screening reads it, keyed by ID-number hash. */
export async function loadRegistry(db: Db, areaCode: string): Promise<{ registry: MemoryRegistry; householdIdOf: Map<string, string> }> {
  const households = await db.household.findMany({
    where: { areaCode, registryKey: { not: null } },
    select: { id: true, members: { select: { person: { select: { idNumberHash: true } } } } },
  });
  const certs = await db.monitoringCertification.findMany({ where: { areaCode, batch: { state: "committed" } }, select: { householdId: true, detailEncrypted: true } });
  const certsOf = new Map<string, Certification[]>();
  for (const c of certs) {
    const list = certsOf.get(c.householdId) ?? [];
    list.push(JSON.parse(decryptField(c.detailEncrypted)) as Certification);
    certsOf.set(c.householdId, list);
  }
  const registry = new MemoryRegistry();
  const householdIdOf = new Map<string, string>();
  for (const h of households) {
    const members = h.members.map((m) => m.person.idNumberHash).filter((x): x is string => !!x);
    registry.addHousehold(h.id, members, certsOf.get(h.id) ?? []);
    for (const m of members) householdIdOf.set(m, h.id);
  }
  return { registry, householdIdOf };
}

interface StoredCosts {
  scheme: (typeof SCHEME_CODES)[number];
  latest: string;
  months: ({ month: string } & MonthCosts)[];
}

export interface SettlementImportInput {
  areaCode: string;
  actorId: string;
  fileName: string;
  input: Readable;
  encoding?: CsvEncoding;
  mapping: ColumnMapping;
  period: Period;
  /** The policy pack whose monitoring rules apply (the area's pack). */
  packId: string;
  now: Date;
  /** Import the good rows of a file with reported bad rows (the caseworker saw the report and chose to). */
  skipBadRows?: boolean;
  /** CSV (streamed, the default) or .xlsx (read whole: at most MAX_XLSX_ROWS rows). */
  format?: "csv" | "xlsx";
}

/**
 * Reads a settlement extract (streamed), stores each person's month costs for the batch, screens
 * the area's year to date and writes the new flags, all in one transaction.
 */
export async function importSettlements(db: Db, input: SettlementImportInput): Promise<ImportOutcome> {
  const hash = createHash("sha256");
  const tap = new PassThrough();
  input.input.on("data", (c: Buffer) => hash.update(c));
  input.input.pipe(tap);
  const fileLedger = new CostLedger(input.period);
  const onRow = (row: SettlementRow) => fileLedger.add(row);
  const report =
    input.format === "xlsx"
      ? await readSettlementXlsx(tap, { mapping: input.mapping, period: input.period }, onRow)
      : await readSettlementCsv(tap, { mapping: input.mapping, period: input.period, encoding: input.encoding }, onRow);
  const fileHash = hash.digest("hex");
  if (report.problem || (report.rejected > 0 && !input.skipBadRows)) return { status: "refused", report, fileHash };
  const existing = await db.monitoringBatch.findUnique({ where: { areaCode_kind_fileHash: { areaCode: input.areaCode, kind: "settlements", fileHash } } });
  if (existing?.state === "committed") return { status: "unchanged", batchId: existing.id };

  // The year to date: this file plus the area's committed batches of the same year.
  const year = input.period.to.slice(0, 4);
  const yearSpan = { from: `${year}-01-01`, to: input.period.to };
  const ledger = new CostLedger(yearSpan);
  const rawOf = new Map<string, string>();
  const batchCosts: { idNumberHash: string; costs: StoredCosts }[] = [];
  for (let p = 0; p < fileLedger.size; p++) {
    const raw = fileLedger.keys[p];
    const key = hashIdNumber(raw);
    rawOf.set(key, raw);
    const months: StoredCosts["months"] = [];
    for (const { month, costs } of fileLedger.monthsOf(p)) months.push({ month: fileLedger.monthLabel(month), ...costs, settlements: 0 });
    if (months.length) months[months.length - 1].settlements = fileLedger.settlementsOf(p);
    batchCosts.push({ idNumberHash: key, costs: { scheme: fileLedger.schemeOf(p), latest: fileLedger.latestOf(p), months } });
  }
  const stored = await db.monitoringCost.findMany({ where: { areaCode: input.areaCode, batch: { state: "committed", kind: "settlements", periodTo: { gte: yearSpan.from } } }, select: { idNumberHash: true, costsEncrypted: true } });
  const addStored = (key: string, c: StoredCosts) => {
    for (const m of c.months) {
      const at = ledger.monthOf(`${m.month}-01`);
      if (at < 0 || at >= ledger.months) continue;
      ledger.addMonth(key, at, c.scheme, c.latest, m);
    }
  };
  for (const s of stored) addStored(s.idNumberHash, JSON.parse(decryptField(s.costsEncrypted)) as StoredCosts);
  for (const b of batchCosts) addStored(b.idNumberHash, b.costs);

  const { registry, householdIdOf } = await loadRegistry(db, input.areaCode);
  const rules = monitoringRulesOn(input.packId, input.period.to);
  const result = screen({ ledger, registry, rules, period: input.period, asOf: input.period.to });

  const outcome = await db.$transaction(
    async (tx) => {
      if (existing) await tx.monitoringBatch.delete({ where: { id: existing.id } });
      const batch = await tx.monitoringBatch.create({
        data: {
          areaCode: input.areaCode,
          kind: "settlements",
          fileHash,
          fileName: input.fileName.slice(0, 200),
          periodFrom: input.period.from,
          periodTo: input.period.to,
          lines: report.lines,
          accepted: report.accepted,
          rejected: report.rejected,
          report: JSON.stringify({ errorCounts: report.errorCounts, errors: report.errors, encoding: report.encoding }),
          createdById: input.actorId,
          createdAt: input.now,
        },
      });
      for (let i = 0; i < batchCosts.length; i += 500) {
        await tx.monitoringCost.createMany({
          data: batchCosts.slice(i, i + 500).map((b) => ({ batchId: batch.id, areaCode: input.areaCode, idNumberHash: b.idNumberHash, costsEncrypted: encryptField(JSON.stringify(b.costs)) })),
        });
      }
      let written = 0;
      for (const f of result.flags) {
        const raw = rawOf.get(f.personKey);
        if (!raw) continue; // no settlement in this file: flagged (or not) by an earlier batch
        const person = await findOrCreatePerson(tx, { idNumber: raw, areaCode: input.areaCode, via: "settlement" });
        const already = await tx.monitoringFlag.findUnique({
          where: { areaCode_personId_ruleId_year: { areaCode: input.areaCode, personId: person.id, ruleId: f.ruleId, year: Number(year) } },
        });
        if (already) continue;
        const householdId = householdIdOf.get(f.personKey) ?? (await householdOf(tx, { personId: person.id, areaCode: input.areaCode })).id;
        const flag = await tx.monitoringFlag.create({
          data: {
            areaCode: input.areaCode,
            batchId: batch.id,
            personId: person.id,
            householdId,
            packId: f.packId,
            ruleId: f.ruleId,
            year: Number(year),
            periodFrom: f.window.from,
            periodTo: f.window.to,
            cardEncrypted: encryptField(JSON.stringify(cardOf(f))),
            createdAt: input.now,
          },
        });
        const chain = await helpChainFor(tx, householdId);
        await addHelpLink(tx, chain.id, { kind: "monitoring-flag", refId: flag.id, personId: person.id, provider: "medical-insurance", state: "not-started" });
        written++;
      }
      await recordAudit(tx, { actorType: "staff", actorId: input.actorId, action: "monitoring.settlements.import", target: batch.id, at: input.now });
      return { batchId: batch.id, written };
    },
    { timeout: 300_000, maxWait: 20_000 },
  );
  return { status: "committed", batchId: outcome.batchId, report, flags: outcome.written };
}

/** The area's stored month costs of committed settlement batches within `span`, as a ledger keyed by ID-number hash. */
export async function loadAreaLedger(db: Db, areaCode: string, span: Period): Promise<CostLedger> {
  const ledger = new CostLedger(span);
  const stored = await db.monitoringCost.findMany({
    where: { areaCode, batch: { state: "committed", kind: "settlements", periodTo: { gte: span.from }, periodFrom: { lte: span.to } } },
    select: { idNumberHash: true, costsEncrypted: true },
  });
  for (const s of stored) {
    const c = JSON.parse(decryptField(s.costsEncrypted)) as StoredCosts;
    for (const m of c.months) {
      const at = ledger.monthOf(`${m.month}-01`);
      if (at >= 0 && at < ledger.months) ledger.addMonth(s.idNumberHash, at, c.scheme, c.latest, m);
    }
  }
  return ledger;
}

/** What a flag card keeps (members by position, never by ID number: the card shows them masked from the person records). */
export interface FlagCard {
  amount: number;
  threshold: number;
  thresholdParameter: string;
  thresholdAssumed: boolean;
  measure: Flag["measure"];
  helped: string[];
  categories: Category[];
  scheme: Flag["scheme"];
  layers: Flag["layers"];
  settlements: number;
  members: { idNumberHash: string; personal: number }[];
  dataThrough: string;
}

function cardOf(f: Flag): FlagCard {
  return {
    amount: f.amount,
    threshold: f.threshold,
    thresholdParameter: f.thresholdParameter,
    thresholdAssumed: f.thresholdAssumed,
    measure: f.measure,
    helped: f.helped,
    categories: f.categories,
    scheme: f.scheme,
    layers: f.layers,
    settlements: f.settlements,
    members: f.members.map((m) => ({ idNumberHash: m.key, personal: m.personal })),
    dataThrough: f.dataThrough,
  };
}

export function readFlagCard(cardEncrypted: string): FlagCard {
  return JSON.parse(decryptField(cardEncrypted)) as FlagCard;
}

// ------------------------------------------------------------------ rollback

export type RollbackOutcome = { ok: true } | { ok: false; reason: "not-found" | "already-rolled-back" | "flags-worked-on" };

/**
 * Takes a batch back whole: its costs, certifications and flags (with their help-chain links)
 * go; the batch stays, marked rolled back, for the record. Refused once a caseworker has acted on
 * one of its flags (that work would be lost). People and households the batch created stay: other
 * services may already point at them.
 */
export async function rollbackBatch(db: Db, input: { batchId: string; areaCode: string; actorId: string; now: Date }): Promise<RollbackOutcome> {
  return db.$transaction(async (tx) => {
    const batch = await tx.monitoringBatch.findUnique({ where: { id: input.batchId } });
    if (!batch || batch.areaCode !== input.areaCode) return { ok: false as const, reason: "not-found" as const };
    if (batch.state !== "committed") return { ok: false as const, reason: "already-rolled-back" as const };
    const flags = await tx.monitoringFlag.findMany({ where: { batchId: batch.id }, select: { id: true, state: true } });
    if (flags.some((f) => f.state !== "open")) return { ok: false as const, reason: "flags-worked-on" as const };
    await tx.helpLink.deleteMany({ where: { kind: "monitoring-flag", refId: { in: flags.map((f) => f.id) } } });
    await tx.monitoringFlag.deleteMany({ where: { batchId: batch.id } });
    await tx.monitoringCost.deleteMany({ where: { batchId: batch.id } });
    await tx.monitoringCertification.deleteMany({ where: { batchId: batch.id } });
    await tx.monitoringBatch.update({ where: { id: batch.id }, data: { state: "rolled-back", rolledBackAt: input.now, rolledBackById: input.actorId } });
    await recordAudit(tx, { actorType: "staff", actorId: input.actorId, action: "monitoring.batch.rollback", target: batch.id, at: input.now });
    return { ok: true as const };
  });
}

export type { FileProblem };
