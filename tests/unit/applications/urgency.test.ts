import { afterEach, beforeEach, expect, test } from "vitest";
import { listQueueFor } from "@/lib/applications/queries";
import { submitApplication, type ServiceContext } from "@/lib/applications/service";
import { backfillUrgency } from "@/lib/applications/urgency";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db };
});
afterEach(async () => {
  await t.close();
});

const caseworker = () => ({ id: people.case1.id, role: "caseworker" as const, areaCode: "450223" });

test("the staff queue shows how soon help is needed, from its own column set at submit (the encrypted data is not read)", async () => {
  await completeDraft(ctx, people.citizenA.id, { reliefType: "urgent" });
  const submitted = await submitApplication(ctx, people.citizenA.id, "submit-key-urgency-0001");
  if (!submitted.ok) throw new Error("submit failed");
  expect((await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } })).urgency).toBe("this-week");
  const queue = await listQueueFor(t.db, caseworker());
  expect(queue?.items.map((a) => [a.reference, a.reliefType, a.urgency])).toEqual([[submitted.reference, "urgent", "this-week"]]);
});

test("older applications get their urgency from the encrypted reason section; running the backfill again changes nothing", async () => {
  await completeDraft(ctx, people.citizenA.id);
  const submitted = await submitApplication(ctx, people.citizenA.id, "submit-key-urgency-0002");
  if (!submitted.ok) throw new Error("submit failed");
  // As before the migration: the column is empty.
  await t.db.application.update({ where: { id: submitted.applicationId }, data: { urgency: null } });
  // A draft not yet at the reason section stays unknown, never guessed.
  await t.db.application.create({ data: { citizenId: people.citizenB.id, draftOwnerId: people.citizenB.id, status: "draft", dataEncrypted: null } });
  expect(await backfillUrgency(t.db)).toEqual({ filled: 1, unknown: 1 });
  expect((await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } })).urgency).toBe("this-week");
  const before = await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } });
  expect(await backfillUrgency(t.db)).toEqual({ filled: 0, unknown: 1 });
  expect((await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } })).updatedAt).toEqual(before.updatedAt);
});
