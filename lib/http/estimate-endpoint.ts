import { estimateText, serializeEstimateResponse } from "@/lib/policy";

/** POST /api/v1/estimate, independent of the HTTP stack: request body text in, status and exact bytes out. */
export function answerEstimate(bodyText: string): { status: number; body: string } {
  const res = estimateText(bodyText);
  return { status: res.status, body: serializeEstimateResponse(res) };
}
