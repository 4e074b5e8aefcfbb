import type { Readable } from "node:stream";
import { CsvRecords } from "@/lib/monitoring/csv-records";
import { SeenKeys } from "@/lib/monitoring/seen-keys";
import {
  cellsOf,
  columnIndexes,
  isRowError,
  readSettlementFields,
  type ColumnMapping,
  type Period,
  type RowError,
  type RowErrorCode,
  type SettlementRow,
} from "@/lib/monitoring/settlement";

/**
 * Reads a settlement extract (.csv, UTF-8 or GBK) as a stream: bytes are decoded chunk by chunk
 * (TextDecoder with `stream: true`, fatal on bytes that are not the declared encoding), split into
 * records (csv-records.ts: unquoted lines split here, quoted records by papaparse), and each record
 * is checked and handed on as it arrives. Memory holds a chunk, the settlement ids seen
 * (duplicates, in SeenKeys) and whatever the caller aggregates, never the file.
 */

export type CsvEncoding = "utf-8" | "gbk" | "auto";

export type FileProblem =
  | { code: "encoding"; encoding: string }
  | { code: "header"; missing: string[] }
  | { code: "empty" }
  | { code: "malformed"; line: number }
  | { code: "too-many-rows"; limit: number };

export interface ReadReport {
  /** Data lines read (the header not counted). */
  lines: number;
  accepted: number;
  /** Counts per error code. */
  errorCounts: Partial<Record<RowErrorCode, number>>;
  /** The first `maxErrors` row errors, in file order. */
  errors: RowError[];
  rejected: number;
  /** Set when the whole file cannot be read: nothing from it may be used. */
  problem?: FileProblem;
  encoding: "utf-8" | "gbk";
}

export interface ReadOptions {
  mapping: ColumnMapping;
  period: Period;
  encoding?: CsvEncoding;
  maxErrors?: number;
}

/**
 * Bytes decoded at a time. A decoded piece of Chinese text is two bytes a character, and a string
 * over 128 KB is allocated straight into the old generation, where a 1 MB chunk's text would make
 * the collector run full collections all through the file; pieces this small die young and cheap.
 * Every character takes at least one byte, so 60 KB of bytes is at most 120 KB of text in any
 * encoding; fewer, larger pieces cost fewer decoder calls and cut lines (measured: 32 KB cost more).
 */
const DECODE_BYTES = 60 * 1024;

/** How many bytes "auto" looks at before deciding. */
const SNIFF_BYTES = 64 * 1024;

/** UTF-8 unless declared otherwise; "auto" is UTF-8 when the file's start decodes as UTF-8, else GBK (Chinese Excel's "CSV"). */
function pickEncoding(start: Buffer, declared: CsvEncoding): "utf-8" | "gbk" {
  if (declared !== "auto") return declared;
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return "utf-8";
  try {
    // stream: true, so a character cut at the end of the sample is not held against it.
    new TextDecoder("utf-8", { fatal: true }).decode(start, { stream: true });
    return "utf-8";
  } catch {
    return "gbk";
  }
}

class EncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`not ${encoding}`);
  }
}

/** bytes → text, chunk by chunk, failing on bytes that are not the encoding. */
class ChunkDecoder {
  encoding: "utf-8" | "gbk" = "utf-8";
  private td: TextDecoder | null = null;
  // The first bytes are held until there are enough to judge the encoding by.
  private sniff: Buffer[] = [];
  private sniffed = 0;

  constructor(private readonly declared: CsvEncoding) {}

  push(chunk: Buffer): string {
    if (this.td) return this.decode(chunk, true);
    this.sniff.push(chunk);
    this.sniffed += chunk.length;
    return this.sniffed < SNIFF_BYTES ? "" : this.start();
  }

  end(): string {
    return (this.td ? "" : this.start()) + this.decode(undefined, false);
  }

  private start(): string {
    const head = Buffer.concat(this.sniff);
    this.sniff = [];
    this.encoding = pickEncoding(head, this.declared);
    this.td = new TextDecoder(this.encoding, { fatal: true });
    return this.decode(head, true);
  }

  private decode(bytes: Buffer | undefined, stream: boolean): string {
    try {
      return this.td!.decode(bytes, { stream });
    } catch {
      throw new EncodingError(this.encoding);
    }
  }
}

/**
 * Streams `input` through the checks, calling `onRow` for each good row. Resolves with the
 * report; a file problem (encoding, header, malformed quoting) is reported, not thrown. Nothing
 * is written here: the caller makes the batch all or nothing.
 */
export async function readSettlementCsv(input: Readable, options: ReadOptions, onRow: (row: SettlementRow) => void): Promise<ReadReport> {
  const maxErrors = options.maxErrors ?? 1000;
  const { mapping, period } = options;
  const report: ReadReport = { lines: 0, accepted: 0, errorCounts: {}, errors: [], rejected: 0, encoding: "utf-8" };
  const seen = new SeenKeys();
  let indexes: Int32Array | null = null;
  let problem: FileProblem | undefined;
  /** An error thrown by `onRow` is the caller's, not a problem of the file: it is rethrown. */
  let callerError: { error: unknown } | null = null;
  const reject = (line: number, code: RowErrorCode, field?: RowError["field"]) => {
    report.rejected++;
    report.errorCounts[code] = (report.errorCounts[code] ?? 0) + 1;
    if (report.errors.length < maxErrors) report.errors.push(field ? { line, code, field } : { line, code });
  };
  const records = new CsvRecords((fields, line) => {
    if (fields.count === 1 && fields.text.slice(fields.start[0], fields.end[0]).trim() === "") return true; // a blank line
    if (!indexes) {
      const found = columnIndexes(cellsOf(fields), mapping);
      if (found.missing.length) {
        problem = { code: "header", missing: found.missing };
        return false;
      }
      indexes = found.indexes;
      return true;
    }
    report.lines++;
    const r = readSettlementFields(fields, indexes, period);
    if (isRowError(r)) reject(line, r.code, r.field);
    else if (!seen.addNew(r.settlementId)) reject(line, "duplicate", "settlementId");
    else {
      report.accepted++;
      try {
        onRow(r);
      } catch (error) {
        callerError = { error };
        return false;
      }
    }
    return true;
  });
  const decoder = new ChunkDecoder(options.encoding ?? "auto");
  const malformed = (m: { malformed: number } | null) => {
    if (m && !problem) problem = { code: "malformed", line: m.malformed };
  };
  try {
    read: for await (const chunk of input) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      // Decoded in pieces small enough for the young generation (see DECODE_BYTES).
      for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
        malformed(records.push(decoder.push(bytes.subarray(at, at + DECODE_BYTES))));
        if (problem || callerError) break read; // leaving the loop destroys the stream: the rest is not read
      }
    }
    if (!problem && !callerError) malformed(records.end(decoder.end()));
  } catch (err) {
    problem = err instanceof EncodingError ? { code: "encoding", encoding: err.encoding } : { code: "malformed", line: records.line };
  }
  const thrown = callerError as { error: unknown } | null; // set inside the record handler
  if (thrown) throw thrown.error;
  report.encoding = decoder.encoding;
  if (problem) report.problem = problem;
  else if (!indexes) report.problem = { code: "empty" };
  return report;
}
