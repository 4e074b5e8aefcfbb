/**
 * The CLI door of the calculation module (CALC-CONTRACT.md):
 *   npm run -s estimate -- REQUEST.json     (or "-" for standard input)
 * Prints exactly the bytes POST /api/v1/estimate answers; exit 0 on a result,
 * 2 on a contract error (bad input, unreadable file). No server, no database.
 */
import { readFileSync } from "node:fs";
import { estimateText, missingInput, serializeEstimateResponse, unreadableInput } from "@/lib/policy";
import type { EstimateResponse } from "@/lib/policy";

function run(arg: string | undefined): EstimateResponse {
  if (arg === undefined || arg === "") return missingInput();
  let text: string;
  try {
    text = readFileSync(arg === "-" ? 0 : arg, "utf8");
  } catch {
    return unreadableInput(arg === "-" ? "stdin" : arg);
  }
  return estimateText(text);
}

try {
  const res = run(process.argv[2]);
  process.stdout.write(serializeEstimateResponse(res));
  process.exitCode = res.status === 200 ? 0 : 2;
} catch {
  // A bug, not bad input: say so without a stack trace.
  process.stderr.write("estimate: internal error\n");
  process.exitCode = 1;
}
