import QRCode from "qrcode";

/**
 * A QR code as an SVG path (drawn on the server, so the printed paper needs no script): one 1×1
 * square per dark module, on a grid of `size` modules plus a quiet zone of `margin` on each side
 * (4 modules, the minimum ISO/IEC 18004 asks for a reliable scan from paper).
 */
export type QrPath = { viewBox: number; path: string };

export function qrPath(text: string, margin = 4): QrPath {
  // Level M recovers ~15% of a smudged or folded receipt.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  return { viewBox: modules.size + 2 * margin, path };
}
