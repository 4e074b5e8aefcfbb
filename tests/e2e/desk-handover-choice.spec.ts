import { expect, test, type Browser, type Page } from "@playwright/test";
import handoverHans from "@/locales/zh-Hans/handover.json";
import handoverHant from "@/locales/zh-Hant/handover.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { deskDraftShownByQr, ownDraftOnPhone, phoneContext, signInFromHandover, type Applicant } from "@/tests/e2e/handover-flow";
import { scripts, text, type Script } from "@/tests/e2e/helpers";
import { applicationsOfCitizen, auditOf, deskSessionStatus, draftsOfDeskSession } from "@/tests/e2e/records-db";

// Hand-over by QR when the applicant's account already has a draft with something in it (lib/desk/handover.ts):
// the phone shows both drafts and asks which one to keep; nothing is merged, and the other draft is deleted only
// once the applicant ticks that they know it cannot be restored. Keeping the desk's draft moves it to the account
// and deletes the phone's own; keeping the phone's own deletes the desk's. Either way the session ends.

const handover = { "zh-Hans": handoverHans, "zh-Hant": handoverHant };
// Fake but well-formed people, one per script and choice, so the runs never meet.
const APPLICANTS: Record<Script, Record<"desk" | "own", Applicant>> = {
  "zh-Hans": { desk: { name: "覃大娘", id17: "45022319570311004", phone: "13911500211" }, own: { name: "韦大爷", id17: "45022319530905005", phone: "13911500212" } },
  "zh-Hant": { desk: { name: "覃大嬸", id17: "45022319580412006", phone: "13911500221" }, own: { name: "韋大爺", id17: "45022319540806007", phone: "13911500222" } },
};

const masked = (name: string) => `${name[0]}*${name[2]}`;

/** What the signed-in phone sees: both drafts, their counts and the choice, all in words of this script. */
async function expectChoice(phone: Page, lng: Script, who: Applicant) {
  const h = handover[lng].phone;
  const progress = (done: number) => h.progress.replace("{{done}}", String(done)).replace("{{total}}", "7").replace("{{documents}}", "0");
  await expect(phone.getByTestId("desk-draft")).toContainText(h.deskDraft);
  await expect(phone.getByTestId("desk-draft")).toContainText(h.applicant.replace("{{name}}", masked(who.name)));
  await expect(phone.getByTestId("desk-draft")).toContainText(progress(1));
  await expect(phone.getByTestId("own-draft")).toContainText(h.ownDraft);
  await expect(phone.getByTestId("own-draft")).toContainText(progress(1));
  const form = phone.getByTestId("choose-form");
  await expect(form.getByRole("heading")).toHaveText(h.chooseHeading);
  await expect(form).toContainText(h.chooseHint);
  await expect(form.getByRole("radio", { name: h.keepDesk })).toBeVisible();
  await expect(form.getByRole("radio", { name: h.keepOwn })).toBeVisible();
  await expect(form.getByRole("checkbox", { name: h.confirm })).toBeVisible();
  await expect(form.getByRole("button", { name: h.confirmChoice })).toBeVisible();
  // No single-draft button beside the choice, and no untranslated key anywhere.
  await expect(phone.getByTestId("take-draft")).toHaveCount(0);
  expect(await phone.locator("main").innerText()).not.toMatch(/\b(phone|errors|desk)\.[a-zA-Z-]+/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}


/**
 * Both choices start alike: the applicant started a draft on their phone some days ago (from `ips[0]`); the desk
 * fills its draft and shows the QR code; the phone (from `ips[1]`) opens it, sees no draft before signing in,
 * signs in and is asked which draft to keep.
 */
async function upToTheChoice(fixtures: { page: Page; browser: Browser; baseURL: string | undefined }, lng: Script, who: Applicant, ips: [string, string]) {
  const { page, browser, baseURL } = fixtures;
  const before = await phoneContext(browser, baseURL, ips[0]);
  await ownDraftOnPhone(await before.newPage(), lng, who.phone);
  await before.close();

  const { sessionPath, sessionId, handoverUrl } = await deskDraftShownByQr(page, lng, who);
  const [deskDraft] = await draftsOfDeskSession(sessionId);
  expect(deskDraft?.status).toBe("draft");

  const context = await phoneContext(browser, baseURL, ips[1]);
  const phone = await context.newPage();
  await phone.goto(handoverUrl);
  await expect(phone.getByTestId("own-draft")).toHaveCount(0);
  await signInFromHandover(phone, lng, handoverUrl, who.phone);
  await expectChoice(phone, lng, who);
  return { sessionPath, sessionId, handoverUrl, deskDraft, context, phone };
}

for (const lng of scripts) {
  test.describe(`help desk hand-over to a phone that already has a draft (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("keeping the desk's draft: no choice or no confirmation deletes nothing; confirmed, the desk's draft moves to the phone and the phone's own is deleted", async ({ page, browser, baseURL }) => {
      test.setTimeout(180_000);
      const h = handover[lng];
      const a = text[lng].apply;
      const who = APPLICANTS[lng].desk;

      const { sessionPath, sessionId, handoverUrl, deskDraft, context, phone } = await upToTheChoice(
        { page, browser, baseURL },
        lng,
        who,
        lng === "zh-Hans" ? ["198.51.100.41", "198.51.100.43"] : ["198.51.100.42", "198.51.100.44"],
      );

      // Confirm without choosing: asked to choose, nothing happened.
      await phone.getByTestId("confirm-discard").check();
      await phone.getByTestId("confirm-choice").click();
      await expect(phone).toHaveURL(`${handoverUrl}?error=choose`);
      await expect(phone.getByTestId("handover-form-error")).toHaveText(h.errors.choose);

      // Choose the desk's draft but do not tick the confirmation: refused, and both drafts are still there.
      await phone.getByTestId("keep-desk").check();
      await phone.getByTestId("confirm-choice").click();
      await expect(phone).toHaveURL(`${handoverUrl}?error=not-confirmed`);
      await expect(phone.getByTestId("handover-form-error")).toHaveText(h.errors["not-confirmed"]);
      await expect(phone.getByTestId("own-draft")).toBeVisible();
      await expect(phone.getByTestId("desk-draft")).toBeVisible();
      expect(await draftsOfDeskSession(sessionId)).toEqual([{ id: deskDraft.id, status: "draft", citizenId: null }]);
      expect(await deskSessionStatus(sessionId)).toBe("open");
      await page.reload();
      await expect(page.getByTestId("handover-qr")).toBeVisible();
      expect((await auditOf(sessionId)).filter((e) => e.action === "desk.handover.claim")).toEqual([]);

      // Choose it and confirm: the desk's draft is the account's now, the phone's own is gone.
      await phone.getByTestId("keep-desk").check();
      await phone.getByTestId("confirm-discard").check();
      await phone.getByTestId("confirm-choice").click();
      await expect(phone).toHaveURL(new RegExp(`/${lng}/apply\\?handedOver=desk$`));
      await expect(phone.getByTestId("handed-over-notice")).toHaveText(h.phone.movedNotice);
      await expect(phone.getByTestId("status-applicant")).toHaveText(a.taskList.completed);
      await expect(phone.getByTestId("status-household")).toHaveText(a.taskList["not-started"]);

      const claim = (await auditOf(sessionId)).filter((e) => e.action === "desk.handover.claim");
      expect(claim).toHaveLength(1);
      expect(claim[0].actorType).toBe("citizen");
      expect(claim[0].reason).toContain("kept:desk");
      expect(claim[0].reason).toContain("other-deleted");
      const citizenId = claim[0].actorId!;
      expect(await applicationsOfCitizen(citizenId)).toEqual([{ id: deskDraft.id, status: "draft", openDraft: true }]);
      expect(await deskSessionStatus(sessionId)).toBe("handed-over");

      // The desk sees only that it was handed over; the code is used.
      await page.goto(sessionPath);
      await expect(page.getByTestId("handed-over")).toHaveText(h.desk.done);
      expect((await page.goto(`${sessionPath}/apply`))?.status()).toBe(404);
      await phone.goto(handoverUrl);
      await expect(phone.getByTestId("handover-error")).toHaveAttribute("data-code", "used");
      await context.close();
    });

    test("keeping the phone's own draft: confirmed, the desk's draft is deleted, the session ends and the phone's draft is as it was", async ({ page, browser, baseURL }) => {
      test.setTimeout(180_000);
      const h = handover[lng];
      const a = text[lng].apply;
      const who = APPLICANTS[lng].own;

      const { sessionPath, sessionId, handoverUrl, deskDraft, context, phone } = await upToTheChoice(
        { page, browser, baseURL },
        lng,
        who,
        lng === "zh-Hans" ? ["198.51.100.45", "198.51.100.47"] : ["198.51.100.46", "198.51.100.48"],
      );

      // Keeping their own also needs the confirmation first.
      await phone.getByTestId("keep-own").check();
      await phone.getByTestId("confirm-choice").click();
      await expect(phone.getByTestId("handover-form-error")).toHaveText(h.errors["not-confirmed"]);
      expect(await draftsOfDeskSession(sessionId)).toHaveLength(1);
      expect(await deskSessionStatus(sessionId)).toBe("open");

      await phone.getByTestId("keep-own").check();
      await phone.getByTestId("confirm-discard").check();
      await phone.getByTestId("confirm-choice").click();
      await expect(phone).toHaveURL(new RegExp(`/${lng}/apply\\?handedOver=own$`));
      await expect(phone.getByTestId("handed-over-notice")).toHaveText(h.phone.keptOwnNotice);
      // Their own draft, unchanged: the household section they saved, nothing from the desk.
      await expect(phone.getByTestId("status-household")).toHaveText(a.taskList.completed);
      await expect(phone.getByTestId("status-applicant")).toHaveText(a.taskList["not-started"]);

      // The desk's draft is deleted, the session ended (handed over), and the claim says what was kept.
      expect(await draftsOfDeskSession(sessionId)).toEqual([]);
      expect(await deskSessionStatus(sessionId)).toBe("handed-over");
      const claim = (await auditOf(sessionId)).filter((e) => e.action === "desk.handover.claim");
      expect(claim).toHaveLength(1);
      expect(claim[0].reason).toContain("kept:own");
      expect(claim[0].reason).toContain("other-deleted");
      const mine = await applicationsOfCitizen(claim[0].actorId!);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ status: "draft", openDraft: true });
      expect(mine[0].id).not.toBe(deskDraft.id);

      await page.goto(sessionPath);
      await expect(page.getByTestId("handed-over")).toHaveText(h.desk.done);
      expect((await page.goto(`${sessionPath}/apply`))?.status()).toBe(404);
      await phone.goto(handoverUrl);
      await expect(phone.getByTestId("handover-error")).toHaveAttribute("data-code", "used");
      await expect(phone.getByTestId("handover-error")).toContainText(h.errors.used);
      await context.close();
    });
  });
}
