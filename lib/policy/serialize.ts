import type { EstimateResponse } from "./types";

/**
 * The exact bytes both doors emit: compact JSON and a final newline. Key
 * order is fixed because every result object is built in contract order.
 */
export function serializeJson(body: unknown): string {
  return JSON.stringify(body) + "\n";
}

export function serializeEstimateResponse(res: Pick<EstimateResponse, "body">): string {
  return serializeJson(res.body);
}
