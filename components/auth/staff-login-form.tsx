"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { TextField } from "@/components/form/fields";

export type StaffLoginLabels = {
  usernameLabel: string;
  passwordLabel: string;
  submit: string;
  errors: Record<string, string>;
};

export function StaffLoginForm({ labels, afterSignIn }: { labels: StaffLoginLabels; afterSignIn: string }) {
  const router = useRouter();
  const errorId = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(labels.errors.required);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("staff", { username: username.trim(), password, redirect: false }).catch(() => null);
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(afterSignIn);
      router.refresh();
    } else {
      setPassword("");
      setError(labels.errors[result?.error ?? "generic"] ?? labels.errors.generic);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        id={`${errorId}-username`}
        label={labels.usernameLabel}
        name="username"
        autoComplete="username"
        input={{ autoCapitalize: "none", value: username, onChange: (e) => setUsername(e.target.value) }}
        describedBy={error ? errorId : undefined}
      />
      <TextField
        id={`${errorId}-password`}
        label={labels.passwordLabel}
        name="password"
        type="password"
        autoComplete="current-password"
        input={{ value: password, onChange: (e) => setPassword(e.target.value) }}
        describedBy={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white disabled:opacity-60">
        {labels.submit}
      </button>
    </form>
  );
}
