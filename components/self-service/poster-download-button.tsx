"use client";

import { useState } from "react";
import { drawPoster } from "@/lib/posters/draw-poster";
import type { PosterLayout } from "@/lib/posters/poster-layout";

type Labels = { download: string; downloading: string; failed: string };

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`Could not load ${src}`));
    image.src = src;
  });
}

/** Draws the poster at the background's own size on a canvas and saves it as a PNG with the promoter's name. */
export function PosterDownloadButton({ layout, backgroundSrc, qrSrc, name, line, fileName, labels }: { layout: PosterLayout; backgroundSrc: string; qrSrc: string; name: string; line: string; fileName: string; labels: Labels }) {
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");

  async function download() {
    setState("working");
    try {
      const [background, qr] = await Promise.all([loadImage(backgroundSrc), loadImage(qrSrc)]);
      const canvas = document.createElement("canvas");
      canvas.width = layout.width;
      canvas.height = layout.height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("No canvas");
      drawPoster(context, layout, { background, qr, name, line });
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) throw new Error("No PNG");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="mt-3 space-y-2">
      <button type="button" onClick={download} disabled={state === "working"} data-testid="sp-poster-download" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {state === "working" ? labels.downloading : labels.download}
      </button>
      {state === "failed" ? <p role="alert" className="text-sm text-red-700">{labels.failed}</p> : null}
    </div>
  );
}
