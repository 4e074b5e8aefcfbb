import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { isDemoMode } from "@/lib/config/env";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { listOutbox } from "@/lib/sms/outbox";

export const dynamic = "force-dynamic";

// The demo stand-in for a phone's inbox. It does not exist outside demo mode.
export default async function OutboxPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  if (!isDemoMode()) notFound();
  const t = getT(lng);
  const messages = await listOutbox({ limit: 30 });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("outbox.title")} backHref={`/${lng}/me`}>
      <p className="mb-4 text-sm text-ink-muted">{t("outbox.intro")}</p>
      {messages.length === 0 ? (
        <p className="rounded-xl bg-cell p-4">{t("outbox.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="outbox">
          {messages.map((message) => (
            <li key={message.id} className="rounded-xl bg-cell p-4" data-testid="outbox-message">
              <p className="mb-1 text-sm text-ink-muted">
                {t("outbox.to")} <span data-testid="outbox-to">{message.to}</span> · {t("outbox.sentAt")}{" "}
                {formatDateTime(message.createdAt, lng)}
              </p>
              <p data-testid="outbox-body">{message.body}</p>
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
