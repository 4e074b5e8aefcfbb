import { expect } from "@playwright/test";
import jsQR from "jsqr";

/**
 * What a printed PDF holds, read the way a person would check it: its text, its page size, its
 * links, and the QR codes found on the rendered page (pdf.js draws it, jsQR decodes it).
 */
export type PdfContents = { text: string; pages: number; width: number; height: number; links: string[]; qrCodes: string[] };

export async function readPdf(bytes: Buffer): Promise<PdfContents> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { createCanvas } = await import("@napi-rs/canvas");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = "";
  const links: string[] = [];
  const qrCodes: string[] = [];
  let width = 0;
  let height = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    text += content.items.map((i) => ("str" in i ? i.str : "")).join("") + "\n";
    for (const a of await page.getAnnotations()) if (a.subtype === "Link" && a.url) links.push(a.url as string);
    const viewport = page.getViewport({ scale: 3 });
    if (n === 1) ({ width, height } = page.getViewport({ scale: 1 }));
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    if (qr) qrCodes.push(qr.data);
  }
  return { text: pdfText(text), pages: doc.numPages, width, height, links, qrCodes };
}

/** The QR code in a screenshot of one element, decoded as a phone camera reads it off the screen (the test fails if none is found). */
export async function readQrScreenshot(png: Buffer): Promise<string> {
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height);
  const qr = jsQR(new Uint8ClampedArray(data.data), data.width, data.height);
  expect(qr, "a QR code in the screenshot").toBeTruthy();
  return qr!.data;
}

/**
 * Text as compared with a PDF's: NFKC (a CJK font's ToUnicode map may give Kangxi radicals such as
 * "⼀" for "一", and full-width punctuation), without white space (line breaks fall anywhere).
 */
export function pdfText(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** Points per millimetre in a PDF. */
export const PT_PER_MM = 72 / 25.4;
