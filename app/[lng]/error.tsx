"use client";

import { useParams } from "next/navigation";
import { useEffect } from "react";
import { ErrorView } from "@/components/shell/error-view";

// Any error while rendering a page or running its action (inside the script's layout, so the tab bar stays).
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ lng: string }>();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <ErrorView lng={params?.lng ?? ""} onRetry={reset} />;
}
