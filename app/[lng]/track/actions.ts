"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { lookUpByTrackingCode } from "@/lib/desk/tracking";
import { trackedStatusView, type TrackState } from "@/lib/desk/track-view";
import { getT } from "@/lib/i18n/server";

const track = publicAction({
  input: z.object({ reference: z.string().max(64, "invalid"), code: z.string().max(32, "invalid") }),
  errors: { ns: "desk", prefix: "track" },
  run: async ({ ip }, input) => lookUpByTrackingCode(await serviceContext(), { ...input, ip: ip ?? "unknown" }),
});

/** The public tracking form: reference + tracking code → the status and steps, nothing personal; rate-limited. */
export async function trackAction(lng: string, _previous: TrackState, form: FormData): Promise<TrackState> {
  const result = await track(lng, form);
  const t = getT(lng, "desk");
  const values = { reference: String(form.get("reference") ?? "").slice(0, 64), code: "" };
  if (!result.ok) return { values, error: t("track.invalid") };
  const found = result.data;
  if (found.ok) return { values, result: trackedStatusView(found.status, lng === "zh-Hant" ? "zh-Hant" : "zh-Hans") };
  if (found.code === "rate-limited") return { values, error: t("track.rateLimited", { minutes: Math.ceil(found.retryAfterSeconds / 60) }) };
  return { values, error: t(found.code === "invalid" ? "track.invalid" : "track.noMatch") };
}
