import type { QrPath } from "@/lib/desk/qr";

/** A printed QR code (black on white, crisp edges); `label` says where it leads, for screen readers. */
export function QrCode({ qr, label, sizeClass, testId }: { qr: QrPath; label: string; sizeClass: string; testId?: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.viewBox} ${qr.viewBox}`}
      shapeRendering="crispEdges"
      className={sizeClass}
      data-testid={testId}
    >
      <rect width={qr.viewBox} height={qr.viewBox} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
