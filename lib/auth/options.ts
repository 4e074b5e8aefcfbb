import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { signInCitizen } from "@/lib/auth/citizen";
import { getClientIp } from "@/lib/auth/client-ip";
import type { SessionUser } from "@/lib/auth/roles";
import { getAuthSecret } from "@/lib/auth/secret";
import { currentSessionUser, endSessions } from "@/lib/auth/session-version";
import { verifyStaffCredentials } from "@/lib/auth/staff";
import { signInTeacher } from "@/lib/schools/teachers";

/** Sessions last a working day. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type Headers = Record<string, string | string[] | undefined>;

/** Run a sign-in; unexpected failures (database down…) become "server-error" instead of leaking their message. */
async function attempt<T extends { ok: true; user: SessionUser; sessionVersion: number } | { ok: false; code: string }>(
  what: string,
  run: () => Promise<T>,
): Promise<{ id: string; sessionUser: SessionUser; sessionVersion: number }> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    console.error(`[auth] ${what} failed`, error);
    throw new Error("server-error");
  }
  // next-auth v4 hands this message to signIn(…, { redirect: false }) as `error`.
  if (!result.ok) throw new Error(result.code);
  return { id: result.user.id, sessionUser: result.user, sessionVersion: result.sessionVersion };
}

type SignInResult = { ok: true; user: SessionUser; sessionVersion: number } | { ok: false; code: string };
type PhoneCodeSignIn = (input: { phone: string; code: string; ip: string }) => Promise<SignInResult>;

/** Sign-in by a one-time code sent to a phone: citizens and class teachers differ only in whose accounts are checked. */
function phoneCodeProvider(id: string, name: string, what: string, signIn: PhoneCodeSignIn) {
  return CredentialsProvider({
    id,
    name,
    credentials: {
      phone: { label: "手机号", type: "tel" },
      code: { label: "验证码", type: "text" },
    },
    async authorize(credentials, req) {
      const ip = getClientIp((req?.headers ?? {}) as Headers);
      return attempt(what, () => signIn({ phone: credentials?.phone ?? "", code: credentials?.code ?? "", ip }));
    },
  });
}

let secretOverride: string | undefined;

export const authOptions: NextAuthOptions = {
  // Read per request, not at import: `next build` must not need the secret.
  get secret() {
    return secretOverride ?? getAuthSecret();
  },
  // next-auth's route handler assigns `secret ??= process.env.NEXTAUTH_SECRET`.
  set secret(value: string | undefined) {
    secretOverride = value;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/zh-Hans/login" },
  providers: [
    phoneCodeProvider("citizen-otp", "手机验证码", "citizen sign-in", signInCitizen),
    // A class teacher (lib/schools/teachers.ts): a one-time code to the phone the school admin invited.
    phoneCodeProvider("teacher-otp", "班主任验证码", "teacher sign-in", signInTeacher),
    CredentialsProvider({
      id: "staff",
      name: "工作人员",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        const ip = getClientIp((req?.headers ?? {}) as Headers);
        return attempt("staff sign-in", () =>
          verifyStaffCredentials({ username: credentials?.username ?? "", password: credentials?.password ?? "", ip }),
        );
      },
    }),
  ],
  callbacks: {
    // Runs on every session lookup (getServerSession, /api/auth/session): a session stands only while its
    // version is the account's current one, so sign-out and deactivation end it everywhere at once.
    async jwt({ token, user }) {
      if (user?.sessionUser) {
        token.user = user.sessionUser;
        token.sv = user.sessionVersion;
        return token;
      }
      if (token.user) token.user = (await currentSessionUser(getDb(), token.user, token.sv)) ?? undefined;
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, ...(token.user ? { user: token.user } : {}) };
    },
  },
  events: {
    // The cookie is cleared by next-auth; raising the version also ends copies of it.
    async signOut({ token }) {
      if (token?.user) await endSessions(getDb(), token.user, token.sv);
    },
  },
};
