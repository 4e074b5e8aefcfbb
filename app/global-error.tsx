"use client";

import "@/app/globals.css";
import { useEffect } from "react";
import { ErrorView, scriptFromPath } from "@/components/shell/error-view";

// An error in the root layout itself: this replaces the whole document, so it brings its own <html>.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const lng = scriptFromPath(typeof window === "undefined" ? "" : window.location.pathname);
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang={lng}>
      <body className="min-h-dvh antialiased">
        <ErrorView lng={lng} />
      </body>
    </html>
  );
}
