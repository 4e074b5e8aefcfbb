"use server";

import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { calledSchema, noteCalled } from "@/lib/desk/queue";
import { redirectWithinSite } from "@/lib/http/redirect";

const called = staffAction(["desk"] as const, {
  args: calledSchema,
  returnTo: (lng) => `/${lng}/desk`,
  input: () => z.object({}),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, _input, { applicationId }) => noteCalled(await serviceContext(), user, applicationId),
});

/** The worker called the applicant about their 补正: noted (who, when) on the call list. */
export async function noteCalledAction(lng: string, applicationId: string, form: FormData): Promise<void> {
  const result = await called(lng, { applicationId }, form);
  redirectWithinSite(result.ok && result.data ? `/${lng}/desk#due-h` : `/${lng}/desk?error=1`);
}
