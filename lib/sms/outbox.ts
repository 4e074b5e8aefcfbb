import type { PrismaClient } from "@/lib/generated/prisma/client";
import { encryptField } from "@/lib/crypto/field-encryption";
import { maskPhone } from "@/lib/crypto/mask";
import { getDb } from "@/lib/db/client";
import { renderSms } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";

/**
 * Demo / development sender: nothing leaves the machine. Each message is
 * stored in SmsOutbox (read by the demo-only outbox page, and by end-to-end
 * tests) and printed to the server log.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(
    private readonly db: PrismaClient,
    private readonly options: { log?: (line: string) => void; signName?: string } = {},
  ) {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    const body = renderSms(message.template, message.params, this.options.signName);
    const row = await this.db.smsOutbox.create({
      data: {
        toMasked: maskPhone(message.to),
        toEncrypted: encryptField(message.to),
        template: message.template,
        body,
      },
      select: { id: true },
    });
    (this.options.log ?? console.info)(`[sms-outbox] to ${maskPhone(message.to)}: ${body}`);
    return { id: row.id };
  }
}

export interface OutboxEntry {
  id: string;
  /** Masked number, e.g. "138****0001". */
  to: string;
  template: string;
  body: string;
  createdAt: Date;
}

/** Newest first, for the demo outbox page. */
export async function listOutbox({ limit = 20 }: { limit?: number } = {}, db: PrismaClient = getDb()): Promise<OutboxEntry[]> {
  const rows = await db.smsOutbox.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.trunc(limit)), 200),
    select: { id: true, toMasked: true, template: true, body: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.id, to: row.toMasked, template: row.template, body: row.body, createdAt: row.createdAt }));
}
