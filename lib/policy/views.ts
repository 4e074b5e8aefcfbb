import { both } from "./messages";
import type { PackDef } from "./pack-schema";
import { type CompiledPack, isBands, isLevels, type Resolved } from "./registry";
import { LOCALES, type DocumentInfo, type Locale, type ParameterView, type PolicySummary, type PolicyView, type SourceRef, type ValueView } from "./types";
import { t } from "./messages";

/** Listings of packs for pages and GET /api/v1/policies. */

export function summarizePack(def: PackDef): PolicySummary {
  const documents: DocumentInfo[] = Object.entries(def.documents).map(([id, d]) => {
    const doc = { id, title: both(`pack.${def.id}.documentTitle.${id}`) } as DocumentInfo;
    if (d.file) doc.file = d.file;
    if (d.number) doc.number = d.number;
    if (d.url) doc.url = d.url;
    if (d.year !== undefined) doc.year = d.year;
    doc.reliability = d.reliability;
    return doc;
  });
  return {
    id: def.id,
    title: both(`pack.${def.id}.title`),
    region: both(`pack.${def.id}.region`),
    versions: def.versions.map((v) => ({ id: v.id, from: v.from, to: v.to })),
    layers: def.layers.map((l) => l.id),
    documents,
  };
}

function rawView(v: Resolved): unknown {
  if (typeof v === "boolean") return v;
  if (isBands(v)) return { basis: v.basis, bands: v.bands.map((b) => ({ from: b.from.toString(), rate: b.rate.toString() })) };
  if (isLevels(v)) {
    return { township: v.township.toString(), county: v.county.toString(), city: v.city.toString(), provincial: v.provincial.toString() };
  }
  return v.toString();
}

function sourceOf(cp: CompiledPack, sid: string, reliability: SourceRef["reliability"], locale: Locale): SourceRef {
  const def = cp.def;
  const src = def.sources[sid];
  const doc = def.documents[src.document];
  const ref = {
    document: doc.file ?? t(locale, `pack.${def.id}.document.${src.document}`),
    clause: t(locale, `pack.${def.id}.source.${sid}.clause`),
  } as SourceRef;
  if (src.quote) ref.quote = t(locale, `pack.${def.id}.source.${sid}.quote`);
  if (doc.url) ref.url = doc.url;
  ref.reliability = reliability;
  return ref;
}

/** The pack as in force on `date` (cp holds the values in force then). */
export function describePack(cp: CompiledPack, date: string): PolicyView {
  const parameters: ParameterView[] = [];
  for (const p of cp.params.values()) {
    const source = {} as Record<Locale, SourceRef>;
    for (const l of LOCALES) source[l] = sourceOf(cp, p.sourceId, p.reliability, l);
    parameters.push({
      id: p.id,
      label: both(p.labelKey),
      unit: p.unit,
      value: rawView(p.value),
      reliability: p.reliability,
      source,
    });
  }
  const view = (pid: string | undefined): ValueView | null => {
    if (!pid) return null;
    const p = cp.params.get(pid)!;
    return { value: rawView(p.value) as string, unit: p.unit, reliability: p.reliability, parameter: pid };
  };
  const tr = cp.def.temporaryRelief;
  const pr = cp.def.procedure;
  return {
    ...summarizePack(cp.def),
    version: { id: cp.version.id, from: cp.version.from, to: cp.version.to },
    date,
    parameters,
    temporaryRelief: {
      dibaoMonthly: view(tr.dibaoMonthly),
      monthsMax: view(tr.monthsMax),
      emergencyMonthsMin: view(tr.emergencyMonthsMin),
    },
    procedure: {
      acceptance: view(pr.acceptance),
      publicity: view(pr.publicity),
      review: view(pr.review),
      approval: view(pr.approval),
      payment: view(pr.payment),
      total: view(pr.total),
      correctionDue: view(pr.correctionDue),
      emergencyDocumentsDue: view(pr.emergencyDocumentsDue),
    },
  };
}
