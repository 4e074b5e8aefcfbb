"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, returnTo }: { label: string; returnTo: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: returnTo })}
      className="tap-target w-full rounded-lg border border-line bg-cell text-base font-medium text-danger"
      data-testid="sign-out"
    >
      {label}
    </button>
  );
}
