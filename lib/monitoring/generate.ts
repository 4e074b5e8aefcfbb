import type { Category } from "@/lib/policy/types";
import type { MonitoringScheme } from "@/lib/policy/monitoring-rules";
import { DEFAULT_COLUMNS, SETTLEMENT_FIELDS } from "@/lib/monitoring/settlement";

/**
 * Deterministic synthetic data for the benchmark, the tests and the demo: obviously fake people
 * (ID numbers of 富阳 330183 with valid check digits, phones 1990000xxxx), households with
 * certifications, and a year of settlements. Same seed, same bytes.
 */

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The i-th fake ID number of a region (distinct for i < 25,000,000). */
export function fakeIdNumber(i: number, region = "330183"): string {
  const day = i % 25000; // 1940-01-01 + day
  const seq = Math.floor(i / 25000) % 1000;
  const d = new Date(Date.UTC(1940, 0, 1) + day * 86400000);
  const birth = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}`;
  const first17 = `${region}${birth}${String(seq).padStart(3, "0")}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (first17.charCodeAt(k) - 48) * WEIGHTS[k];
  return first17 + CHECK[sum % 11];
}

export interface GeneratedCertification {
  category: Category;
  from: string;
  to?: string;
}
export interface GeneratedHousehold {
  key: string;
  members: { idNumber: string; relation: string; phone?: string; name: string }[];
  certifications: GeneratedCertification[];
}
export interface GeneratedPopulation {
  /** Everyone who may settle: the registry's people first. */
  people: { idNumber: string; scheme: MonitoringScheme }[];
  households: GeneratedHousehold[];
}

const RELATIONS = ["户主", "配偶", "子女", "父母"];
const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";

export function generatePopulation(seed: number, opts: { people: number; registryHouseholds: number; year: number }): GeneratedPopulation {
  const rand = prng(seed);
  const people: GeneratedPopulation["people"] = [];
  const households: GeneratedHousehold[] = [];
  let i = 0;
  const schemeFor = (): MonitoringScheme => {
    const x = rand();
    return x < 0.6 ? "resident" : x < 0.88 ? "employee" : "retiree";
  };
  for (let h = 0; h < opts.registryHouseholds; h++) {
    const size = 1 + Math.floor(rand() * 4);
    const x = rand();
    const category: Category = x < 0.1 ? "tekun" : x < 0.5 ? "dibao" : x < 0.8 ? "dibao-edge" : "at-risk";
    const month = 1 + Math.floor(rand() * 12);
    // Most were certified before the year; some during it (浙江 二(三): costs count from that day).
    const from = rand() < 0.8 ? `${opts.year - 1 - Math.floor(rand() * 3)}-${String(month).padStart(2, "0")}-01` : `${opts.year}-${String(month).padStart(2, "0")}-15`;
    const members: GeneratedHousehold["members"] = [];
    for (let k = 0; k < size; k++, i++) {
      const idNumber = fakeIdNumber(i);
      people.push({ idNumber, scheme: schemeFor() });
      members.push({
        idNumber,
        relation: RELATIONS[Math.min(k, 3)],
        phone: k === 0 ? `1990${String(i).padStart(7, "0")}` : undefined,
        name: `${SURNAMES[i % SURNAMES.length]}示例${i}`,
      });
    }
    households.push({ key: `FY${String(h + 1).padStart(6, "0")}`, members, certifications: [{ category, from }] });
  }
  for (; i < opts.people; i++) people.push({ idNumber: fakeIdNumber(i), scheme: schemeFor() });
  return { people, households };
}

const SCHEME_TEXT: Record<MonitoringScheme, string> = { resident: "居民", employee: "职工", retiree: "企退" };
const LEVELS = ["乡镇", "县级", "市级", "省级"];
const FACILITIES = ["富阳区第一人民医院", "富阳区中医院", "银湖街道社区卫生服务中心", "浙江大学医学院附属第一医院"];

function yuan(fen: number): string {
  const f = fen % 100;
  return `${(fen - f) / 100}.${f < 10 ? "0" : ""}${f}`;
}

export const CSV_HEADER = SETTLEMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]).join(",") + "\n";

/**
 * `rows` settlements over the year as CSV text, in chunks of about `chunkChars`. A few people
 * settle often and expensively (the ones the rules are for); most settle a few small bills.
 */
export function* settlementCsv(
  pop: GeneratedPopulation,
  opts: { rows: number; year: number; seed: number; chunkChars?: number; months?: readonly number[] },
): Generator<string> {
  const rand = prng(opts.seed);
  const chunkChars = opts.chunkChars ?? 1 << 20;
  const n = pop.people.length;
  const certified = new Set<string>();
  for (const h of pop.households) for (const m of h.members) certified.add(m.idNumber);
  let buf = CSV_HEADER;
  for (let r = 0; r < opts.rows; r++) {
    // Skew: a quarter of rows come from the first 3 % of people (registry people first, then others).
    const who = rand() < 0.25 ? Math.floor(rand() * n * 0.03) : Math.floor(rand() * n);
    const p = pop.people[who];
    const month = opts.months ? opts.months[Math.floor(rand() * opts.months.length)] : 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const inpatient = rand() < 0.15;
    const total = inpatient ? 300000 + Math.floor(rand() * 6000000) : 5000 + Math.floor(rand() * 150000);
    const scope = Math.floor(total * (0.75 + rand() * 0.2));
    const basic = Math.floor(scope * (p.scheme === "resident" ? 0.55 : 0.7));
    const critical = inpatient && scope > 2000000 ? Math.floor((scope - basic) * 0.3) : 0;
    const assistance = certified.has(p.idNumber) ? Math.floor((scope - basic - critical) * 0.5) : 0;
    const personal = total - basic - critical - assistance;
    const lvl = Math.floor(rand() * 4);
    buf += `S${opts.year}${String(r).padStart(8, "0")},${p.idNumber},${SCHEME_TEXT[p.scheme]},${opts.year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day},${FACILITIES[lvl]},${LEVELS[lvl]},${rand() < 0.9 ? "本地" : "异地"},${yuan(total)},${yuan(scope)},${yuan(basic)},${yuan(critical)},${yuan(assistance)},${yuan(personal)}\n`;
    if (buf.length >= chunkChars) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

const CATEGORY_TEXT: Partial<Record<Category, string>> = { tekun: "特困", dibao: "低保", "dibao-edge": "低边", "at-risk": "监测对象" };

/** The households as a registry file (户编号, 身份证号码, 姓名, 与户主关系, 手机号码, 认定类别, 认定日期, 终止日期). */
export function registryCsv(pop: GeneratedPopulation): string {
  let out = "户编号,身份证号码,姓名,与户主关系,手机号码,认定类别,认定日期,终止日期\n";
  for (const h of pop.households) {
    const c = h.certifications[0];
    for (const m of h.members) out += `${h.key},${m.idNumber},${m.name},${m.relation},${m.phone ?? ""},${CATEGORY_TEXT[c.category] ?? c.category},${c.from},${c.to ?? ""}\n`;
  }
  return out;
}
