"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { TextField } from "@/components/form/fields";

export type CitizenLoginLabels = {
  phoneLabel: string;
  phoneHint: string;
  sendCode: string;
  resend: string;
  resendIn: string; // contains {{seconds}}
  codeSent: string; // contains {{phone}}
  codeLabel: string;
  codeHint: string;
  submit: string;
  changePhone: string;
  errors: Record<string, string>; // by error code; "rate-limited" contains {{seconds}}
};

const phonePattern = /^1[3-9]\d{9}$/;
const codePattern = /^\d{6}$/;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** Two steps on one page: get a code for a phone number, then sign in with it. Nothing typed is lost on error. */
export function CitizenLoginForm({
  labels,
  afterSignIn,
  provider = "citizen-otp",
}: {
  labels: CitizenLoginLabels;
  afterSignIn: string;
  /** "teacher-otp": the same two steps sign a class teacher in (lib/schools/teachers.ts). */
  provider?: "citizen-otp" | "teacher-otp";
}) {
  const router = useRouter();
  const fieldId = useId();
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"phone" | "code">("phone");
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [resendAt, now]);

  const errorText = (code: string, seconds?: number) =>
    fill(labels.errors[code] ?? labels.errors.generic, { seconds: seconds ?? "" });

  async function requestCode(event?: FormEvent) {
    event?.preventDefault();
    const normalised = phone.replace(/\s|-/g, "");
    if (!phonePattern.test(normalised)) {
      setPhoneError(errorText("phone-invalid"));
      return;
    }
    setBusy(true);
    setPhoneError(null);
    try {
      const response = await fetch("/api/v1/auth/otp", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone: normalised }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setPhone(normalised);
        setStep("code");
        setCodeError(null);
        setNow(Date.now());
        setResendAt(Date.now() + (body.resendAfterSeconds ?? 60) * 1000);
      } else {
        const error = body?.error ?? {};
        const message = errorText(error.code ?? "generic", error.retryAfterSeconds);
        if (step === "code") setCodeError(message);
        else setPhoneError(message);
      }
    } catch {
      setPhoneError(errorText("generic"));
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!codePattern.test(code)) {
      setCodeError(errorText("code-format"));
      return;
    }
    setBusy(true);
    setCodeError(null);
    const result = await signIn(provider, { phone, code, redirect: false }).catch(() => null);
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(afterSignIn);
      router.refresh();
    } else {
      setCodeError(errorText(result?.error ?? "generic"));
    }
  }

  const waitSeconds = Math.max(0, Math.ceil((resendAt - now) / 1000));

  if (step === "phone") {
    return (
      <form onSubmit={requestCode} noValidate className="space-y-4">
        <TextField
          id={`${fieldId}-phone`}
          label={labels.phoneLabel}
          hint={labels.phoneHint}
          error={phoneError}
          announce
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={13}
          input={{ value: phone, onChange: (e) => setPhone(e.target.value) }}
        />
        <button type="submit" disabled={busy} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white disabled:opacity-60">
          {labels.sendCode}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={submitCode} noValidate className="space-y-4">
      <p role="status" className="rounded-lg bg-brand-soft px-3 py-2 text-sm">
        {fill(labels.codeSent, { phone: `${phone.slice(0, 3)}****${phone.slice(7)}` })}
      </p>
      <TextField
        id={`${fieldId}-code`}
        label={labels.codeLabel}
        hint={labels.codeHint}
        error={codeError}
        announce
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        input={{ value: code, onChange: (e) => setCode(e.target.value.replace(/\D/g, "")), className: "tracking-[0.4em]", autoFocus: true }}
      />
      <button type="submit" disabled={busy} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white disabled:opacity-60">
        {labels.submit}
      </button>
      <div className="flex items-center justify-between gap-2 text-sm">
        <button type="button" className="tap-target px-1 text-brand underline" onClick={() => setStep("phone")}>
          {labels.changePhone}
        </button>
        <button
          type="button"
          className="tap-target px-1 text-brand underline disabled:text-ink-muted disabled:no-underline"
          disabled={busy || waitSeconds > 0}
          onClick={() => requestCode()}
        >
          {waitSeconds > 0 ? fill(labels.resendIn, { seconds: waitSeconds }) : labels.resend}
        </button>
      </div>
    </form>
  );
}
