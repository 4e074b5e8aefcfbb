/**
 * Child process for submit-crash.test.ts: submits applications against the database given as
 * argv[2] in a loop until it is killed (SIGKILL, at a random moment).
 */
import { randomUUID } from "node:crypto";
import { submitApplication } from "@/lib/applications/service";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { createPrismaClient } from "@/lib/db/client";
import { completeDraft } from "@/tests/unit/applications/fixtures";

async function main() {
  const db = createPrismaClient(process.argv[2]);
  const ctx = { db };
  let n = 0;
  process.stdout.write("ready\n");
  for (;;) {
    const phone = `139${String(process.pid % 10000).padStart(4, "0")}${String(n++).padStart(4, "0")}`;
    const citizen = await db.citizen.create({ data: { phoneHash: hashPhone(phone), phoneEncrypted: encryptField(phone) } });
    await completeDraft(ctx, citizen.id);
    const r = await submitApplication(ctx, citizen.id, `crash-${randomUUID()}`);
    if (!r.ok) throw new Error(r.code);
    process.stdout.write(`submitted ${r.reference}\n`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
