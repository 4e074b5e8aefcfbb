import { type Dec, formatMoney, isPositive } from "./money";
import { type Vars } from "./messages";
import { rememberTextJson } from "./serialize";
import type { ReferralDef } from "./pack-schema";
import { type Referral } from "./types";
import { Run, matches } from "./run";

// ------------------------------------------------------------ referrals

export function buildReferrals(run: Run, personal: Dec): Referral[] {
  const def = run.cp.def;
  const out: Referral[] = [];
  const seen = new Set<string>();
  for (const r of def.referrals) {
    if (seen.has(r.programme) || !referralApplies(run, r, personal)) continue;
    seen.add(r.programme);
    out.push({ programme: r.programme, explanation: referralText(run, r, personal) });
  }
  return out;
}

export function referralApplies(run: Run, r: ReferralDef, personal: Dec): boolean {
  const w = r.when;
  if (w.categoriesAny && !w.categoriesAny.some((c) => run.cats.has(c))) return false;
  if (w.categoriesNone && w.categoriesNone.some((c) => run.cats.has(c))) return false;
  if (w.insurance && !w.insurance.includes(run.insurance)) return false;
  if (w.episodeAny && !run.eps.some((ep) => matches(w.episodeAny!, ep, run.insurance))) return false;
  if (w.personalPositive && !isPositive(personal)) return false;
  return true;
}

export function referralText(run: Run, r: ReferralDef, personal: Dec): string {
  const meta = run.info.referrals.get(r)!;
  const wanted = meta.slots[run.locale];
  if (wanted.includes("personal")) return renderReferral(run, meta.key, wanted, personal);
  // Texts that only depend on the pack: render once, but still record the assumed values they show.
  const text = run.memoText(r, () => rememberTextJson(renderReferral(run, meta.key, wanted, personal)));
  // Referrals list no sources, so of the parameters shown only an assumed value leaves a trace (its assumption).
  for (const pid of meta.params[run.locale]) if (run.cp.params.get(pid)!.reliability === "ASSUMED") run.param(pid);
  return text;
}

export function renderReferral(run: Run, key: string, wanted: string[], personal: Dec): string {
  const vars: Vars = { personal: formatMoney(personal) };
  const tr = run.cp.def.temporaryRelief;
  const val = (pid: string | undefined) => (pid ? (run.num(pid) as Dec) : null);
  if (wanted.some((s) => s === "dibaoMonthly" || s === "maxAmount" || s === "monthsMax" || s === "minAmount" || s === "emergencyMonthsMin")) {
    const monthly = wanted.some((s) => s === "dibaoMonthly" || s === "maxAmount" || s === "minAmount") ? val(tr.dibaoMonthly) : null;
    const months = wanted.some((s) => s === "monthsMax" || s === "maxAmount") ? val(tr.monthsMax) : null;
    const minMonths = wanted.some((s) => s === "emergencyMonthsMin" || s === "minAmount") ? val(tr.emergencyMonthsMin) : null;
    if (monthly) vars.dibaoMonthly = formatMoney(monthly);
    if (months) vars.monthsMax = months.toString();
    if (minMonths) vars.emergencyMonthsMin = minMonths.toString();
    if (monthly && months) vars.maxAmount = formatMoney(monthly.times(months));
    if (monthly && minMonths) vars.minAmount = formatMoney(monthly.times(minMonths));
  }
  for (const slot of wanted) {
    if (vars[slot] === undefined && run.cp.params.has(slot)) vars[slot] = run.describe(run.param(slot));
  }
  return run.t(key, vars);
}
