import Papa from "papaparse";
import { fieldRanges, type FieldRanges } from "@/lib/monitoring/settlement";

/**
 * Splits streamed CSV text (comma-delimited) into records, as papaparse would, with a fast path:
 * a line without a double quote is split at its commas right here (for such a line papaparse does
 * exactly that: `row.split(",")`), and only a record with a quote in it goes to papaparse, which
 * reads that one record (quoted fields, escaped quotes, commas and line breaks inside quotes).
 * Settlement extracts are mostly unquoted, so the full parser's per-character state machine, its
 * stream wrapper and its per-row result objects are skipped for almost every line (measured on the
 * benchmark's million rows: splitting costs about 0.6 × the floor, papaparse's stream reader 2.5 ×).
 *
 * Line endings are taken from the first line: "\n", "\r\n" (the "\r" is dropped with the "\n") or
 * "\r". Line numbers are physical lines (the header is line 1; a blank line and each line break
 * inside a quoted field count), so an error report points where an editor shows the row.
 */

/** A record longer than this (characters) is not a settlement record: an unclosed quote or a file that is not CSV. */
export const MAX_RECORD_CHARS = 64 * 1024;

export type Newline = "\n" | "\r\n" | "\r";

/** Called with each record's fields (reused for the next record: copy what you keep) and its first line; false stops the reading. */
export type RecordHandler = (fields: FieldRanges, line: number) => boolean;

export class CsvRecords {
  /** The start of a record cut by the end of the last chunk. */
  private pending = "";
  private newline: Newline | null = null;
  /** Physical lines consumed so far. */
  private lines = 0;
  private readonly fields: FieldRanges = { text: "", start: new Int32Array(64), end: new Int32Array(64), count: 0 };
  private done = false;
  private malformedAt = 0;

  constructor(private readonly onRecord: RecordHandler) {}

  /** The line the reader stopped at or is at (for a problem found outside a record). */
  get line(): number {
    return this.lines + 1;
  }

  /** Feeds the next piece of text; a malformed-file line number, or null. */
  push(text: string): { malformed: number } | null {
    return this.read(text, false);
  }

  /** Feeds the last piece of text (may be empty) and reads what is left. */
  end(text = ""): { malformed: number } | null {
    return this.read(text, true);
  }

  private read(chunk: string, final: boolean): { malformed: number } | null {
    if (this.done) return this.problem();
    if (this.newline === null) {
      const text = this.pending + chunk;
      this.pending = "";
      this.newline = detectNewline(text, final);
      if (this.newline === null) return this.keep(text, 0);
      return this.readAll(text, 0, final);
    }
    if (this.pending === "") return this.readAll(chunk, 0, final);
    // The record cut at the last chunk's end, finished with this chunk's first line; the rest of
    // the chunk is read where it is (no copy of the chunk).
    const first = chunk.indexOf(this.newline === "\r" ? "\r" : "\n");
    if (first < 0) return this.readAll(this.pending + chunk, 0, final);
    const head = this.pending + chunk.slice(0, first + 1);
    this.pending = "";
    const used = this.scan(head, 0, false);
    if (this.done) return this.problem();
    // A quoted record going on past that line: read the two together (rare).
    if (used < head.length) return this.readAll(head.slice(used) + chunk.slice(first + 1), 0, final);
    return this.readAll(chunk, first + 1, final);
  }

  private readAll(text: string, from: number, final: boolean): { malformed: number } | null {
    const used = this.scan(text, from, final);
    if (this.done) return this.problem();
    return this.keep(text, used);
  }

  /** Holds text[from…] for the next chunk. */
  private keep(text: string, from: number): { malformed: number } | null {
    if (text.length - from > MAX_RECORD_CHARS) {
      this.malformed(this.lines + 1);
      return this.problem();
    }
    this.pending = from < text.length ? text.slice(from) : "";
    return null;
  }

  /** Reads the complete records of text from `at`; returns where the unread rest starts. */
  private scan(text: string, at: number, final: boolean): number {
    const n = text.length;
    const newline = this.newline as Newline;
    const nlChar = newline === "\r" ? "\r" : "\n";
    const crlf = newline === "\r\n";
    const f = this.fields;
    f.text = text;
    // Position of the next double quote at or after `at` (n when none): one scan of the text for all lines.
    let quote = -1;
    while (at < n) {
      let nl = text.indexOf(nlChar, at);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (quote < at) {
        quote = text.indexOf('"', at);
        if (quote < 0) quote = n;
      }
      if (quote >= nl) {
        // Fast path: no quote in this line; its fields are the ranges between commas.
        let end = nl;
        if (crlf && end > at && text.charCodeAt(end - 1) === 13) end--;
        let count = 0;
        let from = at;
        for (let comma = text.indexOf(",", from); comma >= 0 && comma < end; comma = text.indexOf(",", from)) {
          if (count === f.start.length - 1) this.widen();
          f.start[count] = from;
          f.end[count++] = comma;
          from = comma + 1;
        }
        f.start[count] = from;
        f.end[count++] = end;
        f.count = count;
        this.lines++;
        at = nl + 1;
        if (!this.onRecord(f, this.lines)) return this.stop();
        continue;
      }
      // A quote in this line: papaparse reads this one record (it may go on over more lines).
      const window = text.slice(at);
      const parsed = Papa.parse<string[]>(window, { delimiter: ",", newline, quoteChar: '"', preview: 1 });
      const used = parsed.meta.cursor;
      if (used >= window.length && !final) break; // the record may go on in the next chunk
      if (parsed.errors.some((e) => e.type === "Quotes") || used > MAX_RECORD_CHARS) return this.malformed(this.lines + 1);
      const line = this.lines + 1;
      let breaks = 0;
      for (let i = text.indexOf(nlChar, at); i >= 0 && i < at + used; i = text.indexOf(nlChar, i + 1)) breaks++;
      const endsWithBreak = used > 0 && text[at + used - 1] === nlChar;
      this.lines += breaks + (endsWithBreak ? 0 : 1);
      at += used;
      const record = fieldRanges(parsed.data[0] ?? [""]);
      if (!this.onRecord(record, line)) return this.stop();
    }
    return at;
  }

  private widen(): void {
    const f = this.fields;
    const start = new Int32Array(f.start.length * 2);
    const end = new Int32Array(f.start.length * 2);
    start.set(f.start);
    end.set(f.end);
    f.start = start;
    f.end = end;
  }

  private stop(): 0 {
    this.done = true;
    this.pending = "";
    return 0;
  }

  private malformed(line: number): 0 {
    this.done = true;
    this.pending = "";
    this.malformedAt = line;
    return 0;
  }

  private problem(): { malformed: number } | null {
    return this.malformedAt ? { malformed: this.malformedAt } : null;
  }
}

/** The file's line ending, from its first line break; null when the text has none yet (or ends in a "\r" that may be a "\r\n"). */
function detectNewline(text: string, final: boolean): Newline | null {
  const cr = text.indexOf("\r");
  const lf = text.indexOf("\n");
  if (cr < 0 && lf < 0) return final ? "\n" : null;
  if (cr < 0 || (lf >= 0 && lf < cr)) return "\n";
  if (cr === text.length - 1 && !final) return null;
  return text.charCodeAt(cr + 1) === 10 ? "\r\n" : "\r";
}
