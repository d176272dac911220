export class InvalidEncodingError extends Error {
  constructor() {
    super("Body is not valid UTF-8");
  }
}

export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Body larger than ${limit} bytes`);
  }
}

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is cut off
 * (and its stream cancelled) as soon as it passes the limit, so nothing large is buffered.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return "";
  // The stream's reader, not arrayBuffer() or text(): on the callback's hot path those cost two to
  // three times as much for the one small chunk a push arrives in (scripts/bench: profile-callback).
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
    if (size === declared) break; // all of a declared body is here: no read for the end of the stream
  }
  return decodeUtf8(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

// Fatal: invalid bytes are refused, not silently turned into U+FFFD (which could merge two openids).
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InvalidEncodingError();
  }
}
