// File downloads: one Content-Disposition builder for every response that names a file (RFC 6266),
// with the real name in filename*=UTF-8''… (RFC 5987) and a plain-ASCII filename="…" for old clients.

// encodeURIComponent leaves these unescaped, but RFC 5987's attr-char does not allow them.
const encodeRfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

// A lone surrogate (possible in user input) would make encodeURIComponent throw.
const wellFormed = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Letters, digits, dot, dash and underscore only: safe inside the quoted fallback in every client. */
const asciiName = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, "_") || "download";

/**
 * `attachment; filename="fallback"; filename*=UTF-8''%E6%8E%92…` for any file name, including Chinese
 * names, apostrophes, quotes, semicolons and line breaks. The fallback defaults to the name itself,
 * made ASCII.
 */
export function contentDisposition(filename: string, asciiFallback = filename, type: "attachment" | "inline" = "attachment"): string {
  const name = wellFormed(filename).replace(/[\u0000-\u001f\u007f]/g, "");
  return `${type}; filename="${asciiName(asciiFallback)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
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
