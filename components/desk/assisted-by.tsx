import type { AssistedBy } from "@/lib/applications/service";
import { assistedByText } from "@/lib/desk/track-view";
import type { Locale } from "@/lib/i18n/settings";

export function AssistedByNote({ by, lng, className = "text-sm" }: { by: AssistedBy; lng: Locale; className?: string }) {
  return (
    <p className={className} data-testid="assisted-by">
      {assistedByText(by, lng)}
    </p>
  );
}
