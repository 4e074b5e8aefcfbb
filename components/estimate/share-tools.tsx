"use client";

import { useState } from "react";

/** Copy-link and print buttons: enhancements only; the link itself is printed on the page for copying by hand. */
export function ShareTools({ url, labels }: { url: string; labels: { copy: string; copied: string; print: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="no-print mt-2 flex gap-2">
      <button
        type="button"
        data-testid="copy-link"
        className="tap-target flex-1 rounded-xl border border-brand bg-cell px-3 py-2 text-base text-brand"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
          } catch {
            const area = document.createElement("textarea");
            area.value = url;
            document.body.appendChild(area);
            area.select();
            document.execCommand("copy");
            area.remove();
          }
          setCopied(true);
        }}
      >
        {copied ? labels.copied : labels.copy}
      </button>
      <button
        type="button"
        data-testid="print"
        className="tap-target flex-1 rounded-xl border border-brand bg-cell px-3 py-2 text-base text-brand"
        onClick={() => window.print()}
      >
        {labels.print}
      </button>
      <span role="status" className="sr-only">
        {copied ? labels.copied : ""}
      </span>
    </div>
  );
}
