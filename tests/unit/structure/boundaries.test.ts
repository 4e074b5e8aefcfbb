import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/**
 * Pages, server actions and route handlers reach the session and the database only through the
 * helpers made for it (issue 11): lib/auth/guards.ts for who is asking, lib/actions/safe-action.ts
 * for server actions, lib/ functions (with serviceContext()) for data, apiError() for JSON errors.
 * docs/architecture.md says where each thing goes; this test keeps the app folder to it.
 */
const root = path.resolve(__dirname, "../../..");
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

const MODELS = [...readFileSync(path.join(root, "prisma/schema.prisma"), "utf8").matchAll(/^model (\w+)/gm)].map(
  (m) => m[1][0].toLowerCase() + m[1].slice(1),
);

/** next-auth's own handler is the one file that hands the session machinery to Next. */
const NEXT_AUTH_HANDLER = "app/api/auth/[...nextauth]/route.ts";

/** What a file under app/ or components/ does that it should leave to the helpers; empty when it keeps to them. */
function boundaryProblems(file: string, source: string): string[] {
  const problems: string[] = [];
  const imports = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
  const forbidden: [RegExp, string][] = [
    // next-auth/react (signIn, signOut in the sign-in forms) stays: it starts a sign-in, it reads no session.
    [/^next-auth(\/(next|jwt))?$/, "next-auth's session (use lib/auth/guards)"],
    [/lib\/auth\/(session|options)$/, "the session module (use lib/auth/guards)"],
    [/lib\/db\/client$/, "the database client (call a lib/ function with serviceContext())"],
    [/lib\/generated\/prisma|^@prisma\//, "Prisma (call a lib/ function)"],
  ];
  if (file !== NEXT_AUTH_HANDLER) {
    for (const spec of imports) for (const [re, what] of forbidden) if (re.test(spec)) problems.push(`imports ${what}: ${spec}`);
  }
  for (const [re, what] of [
    [/\bgetServerSession\s*\(/, "reads the session with getServerSession"],
    [/\bgetSessionUser\s*\(/, "reads the session with getSessionUser (use requireCitizen / requireStaff / currentUser)"],
    [/\bgetDb\s*\(/, "opens the database with getDb (use serviceContext())"],
    [new RegExp(`\\.(${MODELS.join("|")})\\.(find\\w*|create\\w*|update\\w*|upsert|delete\\w*|count|aggregate|groupBy)\\s*\\(`), "queries Prisma directly"],
  ] as [RegExp, string][]) {
    if (re.test(source)) problems.push(what);
  }
  if (/^\s*["']use server["']/m.test(source) && !/from\s*["']@\/lib\/actions\/safe-action["']/.test(source)) {
    problems.push("is a server-action file that does not use lib/actions/safe-action (citizenAction / staffAction)");
  }
  if (/\/route\.ts$/.test(file) && /\{\s*error\s*:\s*\{/.test(source)) {
    problems.push("writes an error body by hand (use apiError() from lib/http/api-error)");
  }
  return problems;
}

describe("pages, actions and route handlers use the helpers", () => {
  const files = ["app", "components"].flatMap((d) => sourceFiles(path.join(root, d)));

  it("finds the app's pages, actions and routes", () => {
    expect(files.filter((f) => /\/(page\.tsx|actions\.ts|route\.ts)$/.test(f)).length).toBeGreaterThan(25);
  });

  it("reads no session and no database except through the helpers", () => {
    const offenders = files.flatMap((f) => boundaryProblems(rel(f), readFileSync(f, "utf8")).map((p) => `${rel(f)}: ${p}`));
    expect(offenders).toEqual([]);
  });

  // The checker itself must catch what it is for (a test that cannot fail protects nothing).
  it.each([
    ["app/[lng]/x/page.tsx", 'import { getSessionUser } from "@/lib/auth/session";\nconst u = await getSessionUser();', 2],
    ["app/[lng]/x/page.tsx", 'import { getDb } from "@/lib/db/client";\nawait getDb().application.findMany({});', 3],
    ["app/[lng]/x/page.tsx", "const row = await ctx.db.area.findUnique({ where: { code } });", 1],
    ["app/api/v1/x/route.ts", 'import { getServerSession } from "next-auth";\nreturn Response.json({ error: { code: "x" } });', 2],
    ["app/[lng]/x/actions.ts", '"use server";\nexport async function go() {}', 1],
  ])("flags %s doing it by hand", (file, source, count) => {
    expect(boundaryProblems(file, source)).toHaveLength(count);
  });

  it("lets the helpers through", () => {
    const page = 'import { requireStaff } from "@/lib/auth/guards";\nimport { serviceContext } from "@/lib/applications/context";\nconst user = await requireStaff(lng, "/x");';
    const action = '"use server";\nimport { citizenAction } from "@/lib/actions/safe-action";';
    expect(boundaryProblems("app/[lng]/x/page.tsx", page)).toEqual([]);
    expect(boundaryProblems("app/[lng]/x/actions.ts", action)).toEqual([]);
  });
});
