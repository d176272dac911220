/** A template's background as an image response: private, cached briefly (its URL carries the template's version). */
export function backgroundResponse(image: { data: Uint8Array; type: string } | null, extraHeaders: Record<string, string> = {}): Response {
  if (!image) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", ...extraHeaders } });
  return new Response(new Uint8Array(image.data), {
    headers: { "content-type": image.type, "content-length": String(image.data.length), "cache-control": "private, max-age=300", ...extraHeaders },
  });
}
