import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { readEnv } from "@/lib/config/env";
import { decryptField } from "@/lib/crypto/field-encryption";
import {
  getSmsSender,
  listOutbox,
  OutboxSmsSender,
  ProviderSmsSender,
  readProviderConfig,
  renderSms,
  SmsSendError,
  SmsUnavailableError,
} from "@/lib/sms";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

const PROVIDER_ENV = {
  SMS_PROVIDER: "aliyun",
  SMS_API_URL: "https://sms-gateway.example.cn/send",
  SMS_API_KEY: "test-key",
  SMS_SIGN_NAME: "一站助医",
};

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe("outbox sender (demo)", () => {
  test("writes a row with the number masked and encrypted, and logs the message", async () => {
    const log = vi.fn();
    const sender = new OutboxSmsSender(t.db, { log });
    const { id } = await sender.send({ to: "13800000001", template: "login-code", params: { code: "123456" } });
    const row = await t.db.smsOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      toMasked: "138****0001",
      template: "login-code",
      body: "【一站助医】您的验证码是 123456，5分钟内有效。",
    });
    expect(row.toEncrypted).not.toContain("13800000001");
    expect(decryptField(row.toEncrypted)).toBe("13800000001");
    expect(log).toHaveBeenCalledWith("[sms-outbox] to 138****0001: 【一站助医】您的验证码是 123456，5分钟内有效。");
  });

  test("listOutbox gives the newest first, numbers masked", async () => {
    const sender = new OutboxSmsSender(t.db, { log: () => {} });
    await sender.send({ to: "13800000001", template: "login-code", params: { code: "111111" } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sender.send({ to: "13800000002", template: "login-code", params: { code: "222222" } });
    const entries = await listOutbox({ limit: 10 }, t.db);
    expect(entries.map((e) => [e.to, e.body.includes("222222")])).toEqual([
      ["138****0002", true],
      ["138****0001", false],
    ]);
    expect(await listOutbox({ limit: 1 }, t.db)).toHaveLength(1);
  });

  test("templates need their parameters", () => {
    expect(() => renderSms("login-code", {})).toThrow(/needs parameter "code"/);
    expect(() => renderSms("no-such-template", {})).toThrow(/Unknown SMS template/);
  });
});

describe("choosing a sender", () => {
  test("demo mode uses the outbox, even with a provider configured", () => {
    expect(getSmsSender({ db: t.db, env: readEnv({ NODE_ENV: "production", YIZHAN_DEMO: "1", ...PROVIDER_ENV }) })).toBeInstanceOf(
      OutboxSmsSender,
    );
  });

  test("production without provider settings → SmsUnavailableError (sign-in answers sms-unavailable)", () => {
    expect(() => getSmsSender({ db: t.db, env: readEnv({ NODE_ENV: "production" }) })).toThrow(SmsUnavailableError);
  });

  test("development without provider settings uses the outbox", () => {
    expect(getSmsSender({ db: t.db, env: readEnv({ NODE_ENV: "development" }) })).toBeInstanceOf(OutboxSmsSender);
  });

  test("complete provider settings → the provider sender", () => {
    expect(getSmsSender({ db: t.db, env: readEnv({ NODE_ENV: "production", ...PROVIDER_ENV }) })).toBeInstanceOf(
      ProviderSmsSender,
    );
  });

  test("incomplete or unsafe provider settings are refused with what is wrong, in any mode but demo", () => {
    const { SMS_API_KEY: _omitted, ...withoutKey } = PROVIDER_ENV;
    expect(() => getSmsSender({ db: t.db, env: readEnv({ NODE_ENV: "development", ...withoutKey }) })).toThrow(
      /missing SMS_API_KEY/,
    );
    expect(() => readProviderConfig(readEnv({ ...PROVIDER_ENV, SMS_API_URL: "http://gateway.example.cn/send" }))).toThrow(
      /https/,
    );
    expect(readProviderConfig(readEnv({ ...PROVIDER_ENV, SMS_API_URL: "http://127.0.0.1:9000/send" })).apiUrl).toBe(
      "http://127.0.0.1:9000/send",
    );
  });
});

describe("provider sender", () => {
  const config = readProviderConfig(readEnv(PROVIDER_ENV));

  test("posts the template and parameters with the API key, returns the provider's id", async () => {
    const fetchMock = vi.fn(async () => Response.json({ messageId: "m-1" }));
    const sender = new ProviderSmsSender(config, fetchMock as unknown as typeof fetch);
    expect(await sender.send({ to: "13800000001", template: "login-code", params: { code: "123456" } })).toEqual({ id: "m-1" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(PROVIDER_ENV.SMS_API_URL);
    expect(init.headers).toMatchObject({ authorization: "Bearer test-key" });
    expect(JSON.parse(String(init.body))).toEqual({
      provider: "aliyun",
      signName: "一站助医",
      to: "13800000001",
      template: "login-code",
      params: { code: "123456" },
    });
  });

  test("an error status or unreachable gateway is an SmsSendError", async () => {
    const refusing = new ProviderSmsSender(config, (async () => new Response("no", { status: 500 })) as typeof fetch);
    await expect(refusing.send({ to: "13800000001", template: "login-code", params: { code: "1" } })).rejects.toThrow(
      SmsSendError,
    );
    const down = new ProviderSmsSender(config, (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch);
    await expect(down.send({ to: "13800000001", template: "login-code", params: { code: "1" } })).rejects.toThrow(
      /unreachable for 138\*\*\*\*0001/,
    );
  });
});
