import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CsvRecords, MAX_RECORD_CHARS } from "@/lib/monitoring/csv-records";
import { KeyIndex } from "@/lib/monitoring/key-index";
import { generatePopulation, prng, settlementCsv } from "@/lib/monitoring/generate";
import { cellsOf } from "@/lib/monitoring/settlement";

/**
 * The CSV splitter's fast path (unquoted lines split at commas here) against papaparse reading the
 * whole text: the same records, whatever the chunking, quoting or line endings.
 */

function split(text: string, pieces: number[] = [text.length]): { records: string[][]; lines: number[]; malformed: number | null } {
  const records: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvRecords((fields, line) => {
    records.push(cellsOf(fields));
    lines.push(line);
    return true;
  });
  let at = 0;
  let malformed: number | null = null;
  for (let k = 0; at < text.length && malformed === null; k++) {
    const size = pieces[k % pieces.length];
    malformed = reader.push(text.slice(at, at + size))?.malformed ?? null;
    at += size;
  }
  if (malformed === null) malformed = reader.end()?.malformed ?? null;
  return { records, lines, malformed };
}

function papa(text: string, newline: "\n" | "\r\n" | "\r"): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter: ",", newline }).data;
  // papaparse gives the text after a final line break as one more (empty) record; a file's last line break ends it.
  if (text.endsWith(newline) && rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return rows;
}

/** Generated settlements with some fields quoted the ways spreadsheets and other exporters do. */
function quotedExtract(seed: number, rows: number): string {
  const pop = generatePopulation(seed, { people: 300, registryHouseholds: 20, year: 2025 });
  const text = [...settlementCsv(pop, { rows, year: 2025, seed })].join("");
  const rand = prng(seed);
  return text
    .split("\n")
    .map((line, i) => {
      if (i === 0 || line === "") return line;
      const cells = line.split(",");
      const x = rand();
      if (x < 0.1) cells[7] = `"${Number(cells[7]).toLocaleString("en", { minimumFractionDigits: 2 })}"`; // "1,234.56"
      else if (x < 0.15) cells[4] = `"${cells[4]}（""分院""）"`; // escaped quotes
      else if (x < 0.18) cells[4] = `"${cells[4]}\n住院部"`; // a line break inside quotes
      else if (x < 0.2) return cells.map((c) => `"${c}"`).join(","); // every field quoted
      else if (x < 0.22) return ""; // a blank line
      return cells.join(",");
    })
    .join("\n");
}

describe("splitting CSV records: the fast path agrees with papaparse", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ] as const)("generated extracts with quoted fields, %s line endings, in chunks of any size", (_name, newline) => {
    for (const seed of [1, 2, 3]) {
      const text = quotedExtract(seed, 400).split("\n").join(newline);
      const expected = papa(text, newline);
      for (const pieces of [[text.length], [1], [7, 13, 1], [4096], [97, 3]]) {
        const got = split(text, pieces);
        expect(got.malformed).toBeNull();
        expect(got.records).toEqual(expected);
      }
    }
  });

  it("a file with no quotes at all is split exactly as papaparse splits it", () => {
    const pop = generatePopulation(5, { people: 500, registryHouseholds: 30, year: 2025 });
    const text = [...settlementCsv(pop, { rows: 2000, year: 2025, seed: 9 })].join("");
    expect(split(text, [1000, 333]).records).toEqual(papa(text, "\n"));
  });

  it("line numbers are physical lines: blank lines and line breaks inside quotes count", () => {
    const text = 'h1,h2\na,b\n\n"x\ny",z\nc,d\r\n';
    const got = split(text, [3]);
    expect(got.records).toEqual([["h1", "h2"], ["a", "b"], [""], ["x\ny", "z"], ["c", "d\r"]]);
    expect(got.lines).toEqual([1, 2, 3, 4, 6]);
  });

  it("an unclosed quote is a malformed file at the record's line, not a crash", () => {
    expect(split('h1,h2\na,b\n"c,d\ne,f\n').malformed).toBe(3);
    expect(split('h1,h2\na,b\n"c,d\ne,f\n', [2, 5]).malformed).toBe(3);
  });

  it("a stray quote inside an unquoted field is a character, as in papaparse", () => {
    const text = 'h1,h2\nab"c,d\ne,f\n';
    expect(split(text).records).toEqual(papa(text, "\n"));
  });

  it("a record longer than MAX_RECORD_CHARS (no line break, or a quote never closed) is malformed", () => {
    const long = "x".repeat(MAX_RECORD_CHARS + 10);
    expect(split(`h1,h2\n${long}`, [4096]).malformed).toBe(2);
    expect(split(`h1,h2\n"${long}\n`, [4096]).malformed).toBe(2);
  });

  it("the reader can be stopped by its handler", () => {
    const seen: string[][] = [];
    const reader = new CsvRecords((f) => {
      seen.push(cellsOf(f));
      return seen.length < 2;
    });
    reader.push("a\nb\nc\nd\n");
    reader.end();
    expect(seen).toEqual([["a"], ["b"]]);
  });
});

describe("KeyIndex: distinct keys numbered in the order first seen", () => {
  it("adds, finds and gives back keys, including ranges of a longer text and non-ASCII keys", () => {
    const index = new KeyIndex();
    expect(index.add("330183198703180028")).toBe(0);
    expect(index.add("医院")).toBe(1);
    expect(index.add("xx330183198703180028yy", 2, 20)).toBe(0);
    expect(index.find("医院")).toBe(1);
    expect(index.find("医")).toBe(-1);
    expect(index.find("")).toBe(-1);
    expect(index.add("")).toBe(2);
    expect(index.has("")).toBe(true);
    expect(index.key(1)).toBe("医院");
    expect(index.key(2)).toBe("");
    expect(index.addNew("医院")).toBe(false);
    expect(index.addNew("院医")).toBe(true);
    expect(index.size).toBe(4);
    expect(() => index.key(4)).toThrow(RangeError);
  });

  it("holds ID-number-shaped keys packed and gives them back exactly, never confusing them with other keys", () => {
    const index = new KeyIndex();
    const keys = ["000000000000000000", "000000000000000001", "99999999999999999X", "11010519491231002X", "11010519491231002x", "1101051949123100XX", "110105194912310021", "11010519491231002", "110105194912310021 "];
    keys.forEach((k, i) => expect(index.add(k)).toBe(i));
    keys.forEach((k, i) => {
      expect(index.find(k)).toBe(i);
      expect(index.key(i)).toBe(k);
    });
    expect(index.find("x110105194912310021y", 1, 19)).toBe(6);
    expect(index.find("110105194912310022")).toBe(-1);
    expect(index.find("000000000000000002")).toBe(-1);
  });

  it("agrees with a Map over 100,000 keys, many sharing prefixes and hashes' low bits", () => {
    const index = new KeyIndex();
    const map = new Map<string, number>();
    const rand = prng(11);
    let disagreements = 0;
    for (let i = 0; i < 100_000; i++) {
      const pick = rand();
      const key =
        pick < 0.4
          ? `S2025${String(Math.floor(rand() * 60_000)).padStart(8, "0")}`
          : pick < 0.7
            ? `${String(Math.floor(rand() * 30_000)).padStart(17, "0")}${"0123456789X"[Math.floor(rand() * 11)]}`
            : `${Math.floor(rand() * 1e5).toString(36)}结算`;
      if (!map.has(key)) map.set(key, map.size);
      if (index.add(key) !== map.get(key)) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(index.size).toBe(map.size);
    for (const [key, n] of map) {
      if (n % 97 !== 0) continue;
      expect(index.find(key)).toBe(n);
      expect(index.key(n)).toBe(key);
    }
    expect(index.find("S2025-never")).toBe(-1);
  });
});
