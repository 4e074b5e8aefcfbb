import { encryptField } from "@/lib/crypto/field-encryption";
import { maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { authContext, type AuthContext } from "@/lib/auth/context";
import type { CitizenSignInError } from "@/lib/auth/errors";
import { verifyLoginCode } from "@/lib/auth/otp";
import type { SessionUser } from "@/lib/auth/roles";

export type CitizenSignInResult =
  | { ok: true; user: Extract<SessionUser, { kind: "citizen" }>; sessionVersion: number }
  | { ok: false; code: Exclude<CitizenSignInError, "server-error"> };

/** Verify the code, then find the citizen by phone (creating them on first sign-in). */
export async function signInCitizen(
  input: { phone: string; code: string; ip?: string },
  context: Partial<AuthContext> = {},
): Promise<CitizenSignInResult> {
  const ctx = authContext(context);
  const verified = await verifyLoginCode(input, ctx);
  if (!verified.ok) return verified;
  const now = ctx.now();
  const citizen = await ctx.db.citizen.upsert({
    where: { phoneHash: verified.phoneHash },
    create: {
      phoneHash: verified.phoneHash,
      phoneEncrypted: encryptField(verified.phone),
      createdAt: now,
      lastSignInAt: now,
    },
    update: { lastSignInAt: now },
    select: { id: true, displayName: true, sessionVersion: true },
  });
  await recordAudit(ctx.db, { actorType: "citizen", actorId: citizen.id, action: "citizen.sign-in", ip: input.ip, at: now });
  // Until a citizen gives a name, the masked number is what pages greet them with.
  return {
    ok: true,
    user: { kind: "citizen", id: citizen.id, displayName: citizen.displayName ?? maskPhone(verified.phone) },
    sessionVersion: citizen.sessionVersion,
  };
}
