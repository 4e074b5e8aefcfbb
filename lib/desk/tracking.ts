import { consumeRateLimits, pruneRateLimitEvents } from "@/lib/auth/rate-limit";
import { type CalendarDate, calendarDateInChina } from "@/lib/calendar/working-days";
import { hashesEqual, hashIp, keyedHash } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { parseReference } from "@/lib/applications/reference";
import { requiredDocuments } from "@/lib/applications/documents";
import { type AssistedBy, assistedByOf, decryptData, documentsOwed, readState } from "@/lib/applications/service";
import { type ApplicationStatus, timelineSteps, type TimelineStep } from "@/lib/applications/state-machine";
import { fromDbStatus } from "@/lib/applications/status";
import { hashTrackingCode, normalizeTrackingCode, TRACKING_CODE_POLICY } from "@/lib/desk/tracking-code";

const LONGEST_WINDOW_SECONDS = 24 * 60 * 60;

/** What a tracking code shows: the status and the steps with their dates, what is owed and by when; nothing personal. */
export type TrackedStatus = {
  reference: string;
  status: ApplicationStatus;
  submittedOn: CalendarDate | null;
  timeline: TimelineStep[];
  currentDueOn: CalendarDate | null;
  /** Documents still owed; dueOn is null for documents declared to follow before any date was set. */
  owed: { documents: string[]; dueOn: CalendarDate | null } | null;
  /** The desk that helped submit (its name only). */
  assistedBy: AssistedBy | null;
};

export type TrackingLookupResult =
  | { ok: true; status: TrackedStatus }
  | { ok: false; code: "invalid" | "no-match" }
  | { ok: false; code: "rate-limited"; retryAfterSeconds: number };

/**
 * Look an application up by reference + tracking code. An unknown reference and a wrong code give the
 * same answer; every try counts against the reference's and the address's limits, and is audited.
 */
export async function lookUpByTrackingCode(
  ctx: { db: Db; now?: () => Date },
  input: { reference: string; code: string; ip: string },
): Promise<TrackingLookupResult> {
  const parsed = parseReference(input.reference);
  const code = normalizeTrackingCode(input.code);
  if (!parsed || !code) return { ok: false, code: "invalid" };
  const reference = parsed.reference;
  const at = ctx.now ? ctx.now() : new Date();
  const ipHash = hashIp(input.ip || "unknown");

  return ctx.db.$transaction(async (tx): Promise<TrackingLookupResult> => {
    await pruneRateLimitEvents(tx, at, LONGEST_WINDOW_SECONDS);
    const limited = await consumeRateLimits(
      tx,
      [
        { scope: "tracking-reference", key: keyedHash("tracking-code", `limit:${reference}`), limits: TRACKING_CODE_POLICY.perReference },
        { scope: "tracking-ip", key: ipHash, limits: TRACKING_CODE_POLICY.perIp },
      ],
      at,
    );
    if (!limited.ok) {
      await recordAudit(tx, { actorType: "anonymous", action: "tracking.lookup.rate-limited", target: reference, ip: input.ip, at });
      return { ok: false, code: "rate-limited", retryAfterSeconds: limited.retryAfterSeconds };
    }
    const row = await tx.application.findUnique({ where: { reference }, include: { events: { where: { action: "submit" }, select: { action: true, detailsJson: true } } } });
    const matches = !!row?.trackingCodeHash && hashesEqual(row.trackingCodeHash, hashTrackingCode(reference, code));
    await recordAudit(tx, { actorType: "anonymous", action: matches ? "tracking.lookup.success" : "tracking.lookup.failure", target: reference, ip: input.ip, at });
    if (!row || !matches || row.status === "draft") return { ok: false, code: "no-match" };
    return { ok: true, status: trackedStatus(row) };
  });
}

function trackedStatus(row: {
  reference: string | null;
  status: string;
  stateJson: string | null;
  citizenId: string | null;
  areaCode: string | null;
  reliefType: string | null;
  dataEncrypted: string | null;
  submittedAt: Date | null;
  currentDueOn: string | null;
  events: { action: string | null; detailsJson: string | null }[];
}): TrackedStatus {
  const state = readState(row);
  const data = decryptData(row.dataEncrypted);
  const status = fromDbStatus(row.status);
  const owed = documentsOwed({
    status,
    state,
    data: { documentsToFollow: data.documentsToFollow ?? [] },
    requiredDocuments: requiredDocuments(data),
  });
  return {
    reference: row.reference!,
    status,
    submittedOn: row.submittedAt ? calendarDateInChina(row.submittedAt) : null,
    timeline: timelineSteps(state),
    currentDueOn: (row.currentDueOn as CalendarDate | null) ?? null,
    owed: owed ? { documents: owed.documents, dueOn: owed.dueOn } : null,
    assistedBy: assistedByOf(row.events),
  };
}
