"use client";

/** Print / save as PDF. Hidden from the printout itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white"
      data-testid="print-receipt"
    >
      {label}
    </button>
  );
}
