"use server";

import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { DESK_PAPER_ROLES } from "@/lib/auth/roles";
import { reissueTrackingCode } from "@/lib/desk/paper";
import { formatTrackingCode } from "@/lib/desk/tracking-code";

const issue = staffAction(DESK_PAPER_ROLES, {
  args: z.object({ applicationId: z.string().min(1).max(40) }),
  returnTo: (lng, { applicationId }) => `/${lng}/desk/applications/${applicationId}/receipt`,
  input: () => z.object({}),
  errors: { ns: "desk", prefix: "paper" },
  run: async ({ user, ip }, _input, { applicationId }) => reissueTrackingCode(await serviceContext(), user, applicationId, { ip }),
});

export type IssuedCode = { code: string } | { error: true } | null;

/** A new tracking code for the receipt being printed; the earlier one stops working. */
export async function issueTrackingCodeAction(lng: string, applicationId: string, _previous: IssuedCode, form: FormData): Promise<IssuedCode> {
  const result = await issue(lng, { applicationId }, form);
  if (!result.ok || !result.data) return { error: true };
  return { code: formatTrackingCode(result.data.code) };
}
