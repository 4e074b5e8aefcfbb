import { PrintButton } from "@/components/apply/print-button";
import { Link } from "@/components/ui/link";

/** Above the paper, never printed: the paper size (A4 / 80 mm receipt) and the print button. */
export function PaperToolbar({ base, paper, texts }: { base: string; paper: "a4" | "roll"; texts: { paperSize: string; a4: string; roll: string; print: string } }) {
  const option = (value: "a4" | "roll", label: string) => (
    <Link
      href={`${base}?paper=${value}`}
      aria-current={paper === value ? "page" : undefined}
      className={`tap-target flex items-center rounded-lg border px-3 ${paper === value ? "border-brand bg-brand text-white" : "border-line bg-white"}`}
      data-testid={`paper-${value}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="no-print mb-4 space-y-3">
      <nav aria-label={texts.paperSize} className="flex items-center gap-2">
        <span>{texts.paperSize}</span>
        {option("a4", texts.a4)}
        {option("roll", texts.roll)}
      </nav>
      <PrintButton label={texts.print} />
    </div>
  );
}

export function paperOf(value: string | undefined): "a4" | "roll" {
  return value === "roll" ? "roll" : "a4";
}
