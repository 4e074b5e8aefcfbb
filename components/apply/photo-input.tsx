"use client";

import { useRef } from "react";

const MAX_EDGE = 2000;
const RESIZE_ABOVE_BYTES = 1_500_000;

/**
 * A file input for phone cameras. Without JavaScript it posts the file as chosen; with it, a large
 * photo is scaled down in a canvas (longest edge 2000 px, JPEG) before the form is sent, so uploads
 * on slow mobile data stay small. The server checks the content either way.
 */
export function PhotoInput({ id, name, label, describedBy }: { id: string; name: string; label: string; describedBy?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  async function onChange() {
    const input = ref.current;
    const file = input?.files?.[0];
    if (!input || !file || !file.type.startsWith("image/") || file.type === "image/heic" || file.size <= RESIZE_ABOVE_BYTES) return;
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
      if (!blob || blob.size >= file.size) return;
      const resized = new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
      const list = new DataTransfer();
      list.items.add(resized);
      input.files = list.files;
    } catch {
      // Keep the original: the server accepts it up to its size limit.
    }
  }
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        onChange={onChange}
        aria-describedby={describedBy}
        className="block w-full text-base file:mr-3 file:rounded-lg file:border-0 file:bg-brand-soft file:px-4 file:py-2 file:font-medium"
      />
    </>
  );
}
