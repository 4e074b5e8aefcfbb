/**
 * Roster files generated for the tests: valid ID numbers (GB 11643 check digit), .xlsx written with
 * write-excel-file, CSV in UTF-8 or GBK (encoded with a table built from Node's own GBK decoder).
 */
import writeXlsxFile from "write-excel-file/node";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";

/** A valid 18-character ID number: 沈阳市和平区 (210102), the birth date, a sequence (odd = male). */
export function makeIdNumber(birthDate: string, sequence: number, region = "210102"): string {
  const first17 = `${region}${birthDate.replaceAll("-", "")}${String(sequence % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const HEADER = ["姓名", "身份证号", "性别", "年级", "班级", "监护人电话"];

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "子涵欣怡梓萱浩宇雨桐宇轩一诺思远嘉怡俊杰";

/** Grade 1–6 pupils of a primary school in the 2026–27 school year, all rows valid. */
export function makePupilRows(count: number, options: { seed?: number; region?: string } = {}): string[][] {
  const seed = options.seed ?? 0;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const grade = (i % 6) + 1;
    const birthYear = 2026 - 6 - grade + 1 - (i % 2); // 6 on 1 Sept for grade 1, ± the calendar
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    const sequence = (seed * 7919 + i) % 1000;
    const idNumber = makeIdNumber(`${birthYear}-${month}-${day}`, sequence, options.region ?? `21${String(10 + ((seed * 31 + Math.floor(i / 1000)) % 80)).padStart(2, "0")}02`);
    const male = Number(idNumber[16]) % 2 === 1;
    rows.push([
      SURNAMES[i % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length] + GIVEN[(i * 7 + 1) % GIVEN.length],
      idNumber,
      male ? "男" : "女",
      ["一", "二", "三", "四", "五", "六"][grade - 1] + "年级",
      `${(i % 4) + 1}班`,
      `139${String(10000000 + i).slice(-8)}`,
    ]);
  }
  return rows;
}

export async function toXlsx(rows: (string | number | null | { type: "Formula"; value: string })[][]): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(rows as never, {}).toBuffer());
}

export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")).join("\r\n") + "\r\n";
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes for a string (built once from TextDecoder("gbk"), which Node's ICU provides). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== "\ufffd" && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`not in GBK: ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
