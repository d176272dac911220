// File downloads: a Content-Disposition that keeps Chinese file names (RFC 6266 / 5987) with an ASCII fallback.

// encodeURIComponent leaves these unescaped, but RFC 5987 does not allow them in a value.
const encodeRfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\w.-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

export function downloadResponse(body: BodyInit, contentType: string, filename: string, asciiFallback: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": contentDisposition(filename, asciiFallback),
      "cache-control": "private, no-store",
    },
  });
}
