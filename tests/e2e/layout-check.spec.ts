import { expect, type Page, test } from "@playwright/test";
import deskHans from "@/locales/zh-Hans/desk.json";
import deskHant from "@/locales/zh-Hant/desk.json";
import { forgetRateLimits } from "@/tests/e2e/apply-db";
import { deskDraftShownByQr, ownDraftOnPhone } from "@/tests/e2e/handover-flow";
import { readCodeFromOutbox, scripts, signInCitizen, signInStaff, type Script, withCheckDigit } from "@/tests/e2e/helpers";

/**
 * Layouts that never break (issue 14), measured on every page a person can reach: citizen pages signed out
 * and signed in, the staff console; in both scripts, normal and 长辈版, at 390 px and 320 px wide.
 *
 * - A number or reference (marked `data-num`: amounts, percentages, dates, masked ID / phone / account numbers,
 *   application references) stays on one line: one client rect.
 * - Two numbers on one line never run together ("¥18,200.0022.8%"): at least 4 px apart.
 * - The top bar's back button, title and capsule never overlap, and each capsule label is one line.
 * - Nothing spills sideways.
 * - In 长辈版: every visible text ≥ 18 px, and every target outside running text ≥ 60 px tall (a link inside a
 *   sentence keeps the line height; a checkbox or radio counts with the row that carries its label).
 * - No raw status codes beside words ("已提交 · submitted").
 */

const WIDTHS = [390, 320] as const;

test.beforeEach(async ({ context }, testInfo) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.0.${(testInfo.line * 5) % 250}` });
});

type Problem = string;

/** Runs in the page: every rule above, as a list of problems (empty when the page holds). */
function measure(large: boolean): Problem[] {
  const problems: string[] = [];
  const describe = (el: Element) => {
    const id = el.getAttribute("data-testid") ?? el.id;
    const txt = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ""}> "${txt}"`;
  };
  const visible = (el: Element) => {
    if (!(el instanceof HTMLElement) && !(el instanceof SVGElement)) return false;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false; // sr-only
    const style = getComputedStyle(el);
    if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return false;
    return true;
  };

  // Nothing spills sideways.
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  if (overflow > 0) problems.push(`page is ${overflow}px wider than the screen`);

  // Numbers and references: one line each; two on one line at least 4 px apart.
  const nums = [...document.querySelectorAll("[data-num]")].filter(visible);
  const boxes: { el: Element; r: DOMRect }[] = [];
  /** How many lines a box's client rects sit on (one rect per text node and per line). */
  const lineCount = (rects: DOMRect[]) => {
    const tops: DOMRect[] = [];
    for (const r of [...rects].sort((a, b) => a.top - b.top)) {
      const last = tops[tops.length - 1];
      if (!last || r.top > last.top + last.height / 2) tops.push(r);
    }
    return tops.length;
  };
  for (const el of nums) {
    const rects = [...el.getClientRects()].filter((r) => r.width > 0);
    const lines = lineCount(rects);
    if (lines > 1) problems.push(`number wraps over ${lines} lines: ${describe(el)}`);
    if (lines === 1) boxes.push({ el, r: el.getBoundingClientRect() });
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r;
      const b = boxes[j].r;
      const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > Math.min(a.height, b.height) / 2;
      if (!sameLine) continue;
      const gap = Math.max(b.left - a.right, a.left - b.right);
      if (gap < 4) problems.push(`numbers run together (${gap.toFixed(1)}px): ${describe(boxes[i].el)} + ${describe(boxes[j].el)}`);
    }
  }

  // The top bar: items apart, capsule labels on one line, title inside the bar.
  const header = document.querySelector("header");
  if (header) {
    const items = [header.querySelector("[data-testid=back]"), header.querySelector("h1"), header.querySelector("[data-testid=capsule]")].filter(
      (x): x is Element => !!x && visible(x),
    );
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i].getBoundingClientRect();
        const b = items[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && h > 0.5) problems.push(`header items overlap: ${describe(items[i])} and ${describe(items[j])}`);
      }
    }
    for (const label of header.querySelectorAll("[data-testid=switch-script], [data-testid=toggle-large-text]")) {
      const range = document.createRange();
      range.selectNodeContents(label);
      if (lineCount([...range.getClientRects()].filter((r) => r.width > 0)) > 1) problems.push(`capsule label wraps: ${describe(label)}`);
    }
    const h1 = header.querySelector("h1");
    if (h1 && h1.scrollWidth > h1.clientWidth + 1) problems.push(`title spills: ${describe(h1)}`);
  }

  // No raw status codes beside words.
  const raw = document.body.innerText.match(/·\s*(draft|submitted|received|reviewing|correction|proposed|publicity|approving|approved|paid|rejected|not-accepted|withdrawn)\b/);
  if (raw) problems.push(`raw status code shown: "${raw[0]}"`);

  if (!large) return problems;

  // 长辈版: every visible text at least 18 px.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const small = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    const el = n.parentElement;
    if (!el || small.has(el) || el.closest("script, style, noscript, template, option") || !visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 17.95) {
      small.add(el);
      problems.push(`text ${size}px < 18px: ${describe(el)}`);
    }
  }
  for (const el of document.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea")) {
    if (!visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 17.95) problems.push(`field text ${size}px < 18px: ${describe(el)}`);
  }

  // 长辈版: targets outside running text at least 60 px tall.
  const isInline = (el: Element) => getComputedStyle(el).display.startsWith("inline") && getComputedStyle(el).display !== "inline-flex" && getComputedStyle(el).display !== "inline-block";
  /** An inline target with words beside it on its line (text or inline elements up to its block) is in a sentence. */
  const inRunningText = (el: Element) => {
    let node: Element | null = el;
    while (node?.parentElement && isInline(node)) {
      for (const sib of node.parentElement.childNodes) {
        if (sib === node) continue;
        if (sib.nodeType === Node.TEXT_NODE && sib.textContent?.trim()) return true;
        if (sib instanceof Element && isInline(sib) && visible(sib) && sib.textContent?.trim()) return true;
      }
      node = node.parentElement;
    }
    return false;
  };
  const targets = document.querySelectorAll("a[href], button, summary, select, textarea, input:not([type=hidden])");
  for (const el of targets) {
    if (!visible(el)) continue;
    let box: Element = el;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      box = el.closest("label") ?? el.parentElement ?? el;
    } else if (el instanceof HTMLInputElement && el.type === "file") {
      continue; // a file input is drawn by the label that opens it (measured as that label's row)
    } else if (inRunningText(el)) {
      continue;
    }
    const h = box.getBoundingClientRect().height;
    if (h < 59.5) problems.push(`target ${h.toFixed(1)}px < 60px tall: ${describe(el)}`);
  }
  return problems;
}

async function check(page: Page, paths: string[], audience: string): Promise<string[]> {
  const problems: string[] = [];
  const base = test.info().project.use.baseURL ?? "http://127.0.0.1";
  for (const large of [false, true]) {
    await page.context().addCookies([{ name: "yz_large_text", value: large ? "1" : "0", url: base }]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of paths) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        await expect(page.locator("html")).toHaveClass(large ? /large-text/ : /^(?!.*large-text).*$/);
        const found = await page.evaluate(measure, large);
        for (const p of found) problems.push(`${audience} ${large ? "长辈版" : "标准版"} ${width}px ${path}: ${p}`);
      }
    }
  }
  return problems;
}

/**
 * The same rules for a state a page reaches only by using it (a code sent, a wrong code typed): `reach` brings the
 * page there afresh for normal and for 长辈版 (the text size is the server's, read from a cookie); each width is then
 * measured without reloading.
 */
async function checkReached(page: Page, label: string, audience: string, reach: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const base = test.info().project.use.baseURL ?? "http://127.0.0.1";
  for (const large of [false, true]) {
    await page.context().addCookies([{ name: "yz_large_text", value: large ? "1" : "0", url: base }]);
    await page.setViewportSize({ width: WIDTHS[0], height: 844 });
    await reach();
    await expect(page.locator("html")).toHaveClass(large ? /large-text/ : /^(?!.*large-text).*$/);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      const found = await page.evaluate(measure, large);
      for (const p of found) problems.push(`${audience} ${large ? "长辈版" : "标准版"} ${width}px ${label}: ${p}`);
    }
  }
  return problems;
}

/** The links on a page that lead to `prefix…` (task list sections, applications in a list). */
async function linksUnder(page: Page, prefix: string, limit = 20): Promise<string[]> {
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.map((h) => h.split("#")[0]))].slice(0, limit);
}

const estimateResult = (lng: Script) =>
  `/${lng}/estimate/result?mode=bill&policy=luzhai-2018&date=2018-09-01&cat=poverty-registered&total=20000&basic=12000&critical=2000&assistance=1000`;
const estimateStays = (lng: Script) =>
  `/${lng}/estimate/result?mode=typical&policy=national-2021&date=2024-06-01&cat=dibao&stays=2&total=60000&s2.total=18000`;
const screener = "policy=shenyang-2023&who=pupil&age=9&insurance=resident&enrolled=yes&cert=dibao&costs=yes&union=no&urgent=yes";

for (const lng of scripts) {
  test(`${lng}: citizen pages signed out hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    const paths = [
      `/${lng}`,
      `/${lng}/services`,
      `/${lng}/progress`,
      `/${lng}/me`,
      `/${lng}/login`,
      `/${lng}/progress/lookup`,
      `/${lng}/school`,
      `/${lng}/eligibility`,
      `/${lng}/eligibility/q/place`,
      `/${lng}/eligibility/q/certs?${screener}`,
      `/${lng}/eligibility/q/age?${screener}`,
      `/${lng}/eligibility/check?${screener}`,
      `/${lng}/eligibility/results?${screener}`,
      `/${lng}/estimate`,
      `/${lng}/estimate/form?mode=bill`,
      estimateResult(lng),
      estimateStays(lng),
      `/${lng}/staff/login`,
      `/${lng}/dev/outbox`,
      `/${lng}/track`,
    ];
    expect(await check(page, paths, "signed out")).toEqual([]);
  });

  test(`${lng}: citizen pages signed in hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    await forgetRateLimits();
    await signInCitizen(page, lng, "13800000001");
    await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
    await page.goto(`/${lng}/apply`);
    const sections = await linksUnder(page, `/${lng}/apply/`);
    await page.goto(`/${lng}/progress`);
    const applications = await linksUnder(page, `/${lng}/progress/`, 4);
    expect(applications.length).toBeGreaterThan(0);
    // The receipt after submit (the same application, as its owner prints it).
    const receipt = applications[0].replace(`/${lng}/progress/`, `/${lng}/apply/submitted/`);
    // 与家人共享进度: the applicant's share page.
    const family = `${applications[0]}/family`;
    const paths = [`/${lng}/me`, `/${lng}/apply`, ...sections, `/${lng}/progress`, ...applications, receipt, family];
    expect(await check(page, paths, "citizen")).toEqual([]);
  });

  test(`${lng}: a family viewer's pages hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    await forgetRateLimits();
    // The demo's family viewer: 我的 lists the shared application, which opens read-only.
    await signInCitizen(page, lng, "13800000004");
    await expect(page).toHaveURL(new RegExp(`/${lng}/me$`));
    const shared = await linksUnder(page, `/${lng}/me/shared/`, 2);
    expect(shared.length).toBeGreaterThan(0);
    expect(await check(page, [`/${lng}/me`, ...shared], "family viewer")).toEqual([]);
  });

  test(`${lng}: staff pages hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInStaff(page, lng, "case01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    const applications = await linksUnder(page, `/${lng}/staff/applications/`, 4);
    expect(applications.length).toBeGreaterThan(0);
    expect(await check(page, [`/${lng}/staff`, ...applications], "staff")).toEqual([]);
  });

  test(`${lng}: 专班 pages (school admin, education staff) hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    await page.goto(`/${lng}/school/cases`);
    const cases = await linksUnder(page, `/${lng}/school/cases/`, 1);
    expect(cases.length).toBeGreaterThan(0);
    expect(await check(page, [`/${lng}/school/cases`, ...cases], "school admin")).toEqual([]);
    await page.context().clearCookies();
    await signInStaff(page, lng, "edu01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    expect(await check(page, [`/${lng}/staff/education`], "education staff")).toEqual([]);
  });

  test(`${lng}: help desk pages hold at 390 and 320 px, normal and 长辈版`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInStaff(page, lng, "desk01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    // The seeded open session of 韦阿婆 (prisma/seed-desk.ts) and its assisted application.
    const session = `/${lng}/desk/sessions/seed-desk-session-1`;
    const paths = [`/${lng}/desk`, session, `${session}/apply`, `${session}/apply/applicant`, `${session}/apply/documents`, `${session}/apply/review`, `/${lng}/desk/consent-form`];
    expect(await check(page, paths, "desk")).toEqual([]);
  });
}

// Pupils 13 and 15 of the demo roster (lib/schools/demo-seed.ts): asked for consent by code, no case opened.
const CONSENT_PUPILS = { "zh-Hans": withCheckDigit("21010220190513913"), "zh-Hant": withCheckDigit("21010220190715915") };
const desk = { "zh-Hans": deskHans, "zh-Hant": deskHant };
// Hand-over layout: the desk's applicant; a relative's phone without a draft; a phone with its own draft; the desk's SMS consent.
const HANDOVER_LAYOUT = {
  "zh-Hans": { applicant: { name: "莫大娘", id17: "45022319600101008", phone: "13911500231" }, bare: "13911500233", withDraft: "13911500235", smsConsent: { name: "莫阿公", id17: "45022319450303001", phone: "13911500237" } },
  "zh-Hant": { applicant: { name: "莫大嬸", id17: "45022319610202009", phone: "13911500232" }, bare: "13911500234", withDraft: "13911500236", smsConsent: { name: "莫阿公", id17: "45022319460404002", phone: "13911500238" } },
};

for (const lng of scripts) {
  test(`${lng}: the hand-over page holds at 390 and 320 px, normal and 长辈版: signed out, signed in, choosing between two drafts, refused`, async ({ page, browser, baseURL }) => {
    test.setTimeout(420_000);
    const who = HANDOVER_LAYOUT[lng];
    await forgetRateLimits();
    const { handoverUrl } = await deskDraftShownByQr(page, lng, who.applicant);
    const path = new URL(handoverUrl).pathname;
    const context = await browser.newContext({ baseURL, isMobile: true, hasTouch: true, extraHTTPHeaders: { "x-forwarded-for": `198.18.1.${lng === "zh-Hans" ? 1 : 2}` } });
    const phone = await context.newPage();
    const problems: string[] = [];

    problems.push(...(await check(phone, [path], "hand-over signed out")));
    await phone.goto(path);
    await expect(phone.getByTestId("handover-sign-in")).toBeVisible();

    // Signed in on a phone with no draft of its own: the desk's draft and one button.
    await forgetRateLimits();
    await signInCitizen(phone, lng, who.bare);
    await expect(phone).toHaveURL(new RegExp(`/${lng}/me$`));
    await phone.goto(path);
    await expect(phone.getByTestId("take-draft")).toBeVisible();
    problems.push(...(await check(phone, [path, `/${lng}/handover/${"x".repeat(24)}`], "hand-over signed in")));

    // Signed in on a phone that has its own draft: both drafts and the choice, also with the refusal shown.
    await context.clearCookies();
    await forgetRateLimits();
    await ownDraftOnPhone(phone, lng, who.withDraft);
    await phone.goto(path);
    await expect(phone.getByTestId("choose-form")).toBeVisible();
    problems.push(...(await check(phone, [path, `${path}?error=not-confirmed`], "hand-over choosing")));
    await context.close();
    expect(problems).toEqual([]);
  });

  test(`${lng}: consent by the parent's or applicant's code holds at 390 and 320 px, normal and 长辈版 (专班 and help desk)`, async ({ page }) => {
    test.setTimeout(420_000);
    const t = desk[lng];
    const problems: string[] = [];
    await forgetRateLimits();

    // 专班: the school sends the code to the guardian phone on the roster; the page where the parent's code is typed.
    await signInStaff(page, lng, "school01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    await page.goto(`/${lng}/school/cases`);
    await page.getByTestId("code-idNumber").fill(CONSENT_PUPILS[lng]);
    await page.getByTestId("code-giverName").fill("朱某某");
    await page.getByTestId("code-relation-guardian").check();
    await page.getByTestId("code-illness").fill("急性白血病");
    await page.getByTestId("code-send").click();
    await expect(page).toHaveURL(new RegExp(`/${lng}/school/cases/consent/[a-z0-9]+$`));
    await expect(page.getByTestId("code-sent-to")).toBeVisible();
    const consentPath = new URL(page.url()).pathname;
    problems.push(...(await check(page, [consentPath, `${consentPath}?error=code-invalid`], "school admin")));

    // The help desk: consent by a code sent to the applicant's phone, then a wrong code typed.
    await page.context().clearCookies();
    await signInStaff(page, lng, "desk01");
    await expect(page).toHaveURL(new RegExp(`/${lng}/staff$`));
    const who = HANDOVER_LAYOUT[lng].smsConsent;
    const form = page.getByTestId("person-new");
    const codeSent = async () => {
      await forgetRateLimits();
      await page.goto(`/${lng}/desk`);
      await form.getByLabel(t.home.name).fill(who.name);
      await form.getByLabel(t.home.idNumber).fill(withCheckDigit(who.id17));
      await form.getByLabel(t.home.phoneOptional).fill(who.phone);
      await form.getByTestId("new-method-sms-code").check();
      await form.getByTestId("new-send-code").click();
      await expect(form.getByTestId("new-code-sent")).toBeVisible();
    };
    problems.push(...(await checkReached(page, `/${lng}/desk (code sent)`, "desk", codeSent)));
    problems.push(
      ...(await checkReached(page, `/${lng}/desk (wrong code)`, "desk", async () => {
        await codeSent();
        const code = await readCodeFromOutbox(page, lng, who.phone);
        await form.getByLabel(t.home.code).fill(code === "000000" ? "111111" : "000000");
        await page.getByTestId("start-new").click();
        await expect(form.getByText(t.errors["code-invalid"])).toBeVisible();
      })),
    );
    expect(problems).toEqual([]);
  });
}

test("home task titles stay on one line at 390 px in 长辈版, in both scripts (no 申請臨 / 時救助)", async ({ page }) => {
  const base = test.info().project.use.baseURL ?? "http://127.0.0.1";
  await page.context().addCookies([{ name: "yz_large_text", value: "1", url: base }]);
  for (const lng of scripts) {
    await page.goto(`/${lng}`);
    const titles = page.locator('[data-testid^="tile-"] span > span:first-child');
    expect(await titles.count()).toBe(4);
    const lines = await titles.evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return { text: el.textContent, lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)) };
      }),
    );
    expect(lines.filter((l) => l.lines !== 1)).toEqual([]);
  }
});

test("the check itself catches each kind of break (a page with known faults added)", async ({ page }) => {
  const base = test.info().project.use.baseURL ?? "http://127.0.0.1";
  await page.context().addCookies([{ name: "yz_large_text", value: "1", url: base }]);
  await page.setViewportSize({ width: 320, height: 844 });
  await page.goto("/zh-Hans/services");
  expect(await page.evaluate(measure, true)).toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector("main")!;
    main.insertAdjacentHTML(
      "beforeend",
      `<p style="font-size:15px">小字</p>
       <div><a href="#x" style="line-height:1.2">单独的链接</a></div>
       <p>一句话里的 <a href="#y">链接</a> 可以和行高一样。</p>
       <div style="width:4rem"><bdi data-num style="white-space:normal">LZ2026-000123-7</bdi></div>
       <div style="display:flex"><span data-num>¥18,200.00</span><span data-num>22.8%</span></div>
       <p>已提交 · submitted</p>`,
    );
    const h1 = document.querySelector("header h1") as HTMLElement;
    h1.style.marginRight = "-12rem";
  });
  const found = (await page.evaluate(measure, true)).join("\n");
  expect(found).toContain("text 15px < 18px");
  expect(found).toContain('target');
  expect(found).toContain("单独的链接");
  expect(found).not.toContain('"链接"');
  expect(found).toContain("number wraps over");
  expect(found).toContain("numbers run together");
  expect(found).toContain("raw status code shown");
  expect(found).toContain("header items overlap");
});

test("home and 办事 offer only what exists today; what is not built yet is said plainly", async ({ page }) => {
  for (const lng of scripts) {
    for (const path of [`/${lng}`, `/${lng}/services`]) {
      await page.goto(path);
      await expect(page.locator(`a[href="/${lng}/school"]`)).toHaveCount(0);
      await expect(page.getByTestId("coming-later")).toBeVisible();
      await expect(page.getByTestId("coming-later")).not.toHaveAttribute("href");
    }
  }
});
