import { crc32, deflateSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { readCodeFromOutbox, scripts, signInStaff, text, type Script, withCheckDigit } from "@/tests/e2e/helpers";

// 窗口帮办 with consent by a one-time code: the applicant has a phone, the worker sends the code, a wrong code is
// refused (nothing saved), the code the applicant reads out from the SMS (the demo outbox) starts the session; the
// worker photographs the 诊断证明 at the desk (two pages), marks the rest "to follow", submits with the applicant's
// confirmation, and the 一次性告知书 lists only what is still missing.

const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };
// One applicant per script (fake, well-formed ID numbers; phones distinct in their last four digits).
const APPLICANT = {
  "zh-Hans": { name: "黄阿婆", id17: "45022319420817004", phone: "13977005151" },
  "zh-Hant": { name: "黃阿婆", id17: "45022319410921006", phone: "13977005252" },
};


/** A small solid-colour PNG made here (a "photo" of a page): width × height, RGB. */
function pngPage(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

async function section(page: Page, lng: Script, id: string, fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
  const a = text[lng].apply;
  await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections[id as keyof typeof a.sections].title) }).click();
  await fill(page.getByTestId("section-form"));
  await page.getByTestId("save-section").click();
  await expect(page.getByTestId(`status-${id}`)).toHaveText(a.taskList.completed);
}

for (const lng of scripts) {
  test.describe(`help desk: consent by SMS code, documents photographed at the desk (${lng})`, () => {
    test.beforeEach(async () => forgetRateLimits());

    test("consent by a code read out from the applicant's phone, a document photographed in two pages, the notice lists only what is missing", async ({ page }) => {
      test.setTimeout(180_000);
      const t = desk[lng];
      const a = text[lng].apply;
      const who = APPLICANT[lng];
      const idNumber = withCheckDigit(who.id17);
      const masked = `${who.phone.slice(0, 3)}****${who.phone.slice(7)}`;
      await signInStaff(page, lng, "desk01");
      await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));

      await page.goto(`/${lng}/desk`);
      const form = page.getByTestId("person-new");
      await form.getByLabel(t.home.name).fill(who.name);
      await form.getByLabel(t.home.idNumber).fill(idNumber);
      await form.getByLabel(t.home.phoneOptional).fill(who.phone);
      await form.getByTestId("new-method-sms-code").check();
      await expect(form.getByLabel(t.home.consent)).toHaveCount(0);
      await form.getByTestId("new-send-code").click();
      await expect(form.getByTestId("new-code-sent")).toContainText(masked);
      // What the worker typed is still there after the code went out.
      await expect(form.getByLabel(t.home.name)).toHaveValue(who.name);
      await expect(form.getByLabel(t.home.phoneOptional)).toHaveValue(who.phone);

      // A wrong code: a clear message, still on the desk page, no session.
      const code = await readCodeFromOutbox(page, lng, who.phone);
      const wrong = code === "000000" ? "111111" : "000000";
      await form.getByLabel(t.home.code).fill(wrong);
      await page.getByTestId("start-new").click();
      await expect(form.getByText(t.errors["code-invalid"])).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk$`));

      // The code the applicant reads out starts the session; the consent record says how.
      await form.getByLabel(t.home.code).fill(code);
      await page.getByTestId("start-new").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/sessions/[a-z0-9]+$`));
      await expect(page.getByTestId("consent-record")).toContainText(t.session.methods["sms-code"]);
      const sessionPath = new URL(page.url()).pathname;
      await page.getByTestId("start-assisted").click();
      await expect(page).toHaveURL(new RegExp(`${sessionPath}/apply$`));

      await section(page, lng, "applicant", async (f) => {
        await expect(f.getByLabel(a.fields.applicant.phone, { exact: true })).toHaveValue(who.phone);
        await f.getByLabel(a.fields.applicant.address, { exact: true }).fill("鹿寨县某村 12 号");
      });
      await section(page, lng, "patient", (f) => f.getByLabel(a.options.relationship.self, { exact: true }).check());
      await section(page, lng, "household", async (f) => {
        await f.getByLabel(a.fields.household.size, { exact: true }).fill("2");
        await f.getByLabel(a.fields.household.monthlyIncome, { exact: true }).fill("900");
        await f.getByLabel(a.options.certifications.none, { exact: true }).check();
      });
      await section(page, lng, "illness", async (f) => {
        await f.getByLabel(a.fields.illness.diagnosis, { exact: true }).fill("脑梗死");
        await f.getByLabel(a.fields.illness.hospital, { exact: true }).fill("鹿寨县人民医院");
        await f.getByLabel(a.fields.illness.totalCost, { exact: true }).fill("28000");
        await f.getByLabel(a.fields.illness.reimbursed, { exact: true }).fill("15000");
      });
      await section(page, lng, "reason", async (f) => {
        await f.getByLabel(a.options.reliefType.expense, { exact: true }).check();
        await f.getByLabel(a.options.urgency["this-week"], { exact: true }).check();
        await f.getByLabel(a.fields.reason.description, { exact: true }).fill("住院自付部分拿不出。");
      });
      await section(page, lng, "bank", async (f) => {
        await f.getByLabel(a.fields.bank.accountName, { exact: true }).fill(who.name);
        await f.getByLabel(a.fields.bank.bankName, { exact: true }).fill("农村信用社");
        await f.getByLabel(a.fields.bank.account, { exact: true }).fill("6228 4800 0000 0000 000");
      });
      await section(page, lng, "declarations", async (f) => {
        for (const name of ["truthful", "consentSensitive", "consentCheck"]) await f.locator(`input[name=${name}]`).check();
      });

      // Documents: the 诊断证明 photographed at the desk, two pages, with thumbnails; the rest "to follow".
      await page.getByTestId("task-list").getByRole("link", { name: new RegExp(a.sections.documents.title) }).click();
      await expect(page.getByTestId("assisted-frame")).toBeVisible();
      const pages: [string, Buffer][] = [
        ["page-1.png", pngPage(60, 80, [240, 240, 230])],
        ["page-2.png", pngPage(60, 80, [200, 220, 250])],
      ];
      for (const [name, buffer] of pages) {
        const upload = page.getByTestId("upload-diagnosis");
        await upload.locator("input[type=file]").setInputFiles({ name, mimeType: "image/png", buffer });
        await upload.locator("button[type=submit]").click();
        await expect(page.getByTestId("upload-ok")).toBeVisible();
      }
      const thumbs = page.getByTestId("pages-diagnosis").getByTestId("page-preview");
      await expect(thumbs).toHaveCount(2);
      for (const img of await thumbs.all()) await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(60);
      // A photographed document is not offered as "to follow"; the others are.
      await expect(page.getByTestId("to-follow-diagnosis")).toHaveCount(0);
      for (const box of await page.getByTestId("to-follow-form").getByRole("checkbox").all()) await box.check();
      await page.getByTestId("save-to-follow").click();
      await expect(page.getByTestId("status-documents")).toHaveText(a.taskList.completed);

      // Meanwhile the desk's queue lists the draft as waiting for documents (name masked), linking to its documents.
      await page.goto(`/${lng}/desk`);
      const waiting = page.getByTestId("waiting-draft").filter({ hasText: `${who.name[0]}*${who.name[2]}` });
      await expect(waiting).toHaveCount(1);
      await waiting.getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`${sessionPath}/apply/documents$`));
      await page.goto(`${sessionPath}/apply`);
      await page.getByTestId("go-review").click();
      await page.getByTestId("applicant-confirmed").check();
      await page.getByTestId("submit-application").click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/desk/applications/[a-z0-9]+/receipt`));
      const applicationId = new URL(page.url()).pathname.split("/")[4];

      // The 一次性告知书: what is still missing, and not the document photographed at the desk.
      await page.goto(`/${lng}/desk/applications/${applicationId}/notice`);
      await expect(page.getByTestId("notice-documents")).toBeVisible();
      for (const doc of ["applicant-id", "household-register", "bills"]) await expect(page.getByTestId(`notice-doc-${doc}`)).toContainText(t.documents[doc as "bills"].name);
      await expect(page.getByTestId("notice-doc-diagnosis")).toHaveCount(0);
    });
  });
}
