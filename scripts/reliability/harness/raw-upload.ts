// Large request bodies over a raw socket: chunked (no Content-Length) or with any Content-Length,
// true or not. Writing stops as soon as the server answers or closes, like a well-behaved client.
import net from "node:net";

export type UploadOptions = {
  port: number;
  path: string;
  totalBytes: number;
  /** Sent as is; omit for chunked transfer encoding. */
  contentLength?: number;
  chunkBytes?: number;
  timeoutMs?: number;
  /** A hostile client: keep writing after the answer, until everything is sent or the server closes. */
  ignoreResponse?: boolean;
};

export type UploadResult = { status: number | null; sentBytes: number; ms: number; ended: "response" | "closed" | "timeout" | "error"; error?: string };

export function rawUpload({ port, path, totalBytes, contentLength, chunkBytes = 64 * 1024, timeoutMs = 60_000, ignoreResponse = false }: UploadOptions): Promise<UploadResult> {
  const started = performance.now();
  const chunked = contentLength === undefined;
  const chunk = Buffer.alloc(chunkBytes, "A");
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/xml\r\nConnection: close\r\n` +
    (chunked ? "Transfer-Encoding: chunked\r\n" : `Content-Length: ${contentLength}\r\n`) +
    "\r\n";
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let sentBytes = 0;
    let response = "";
    let finished = false;
    const finish = (ended: UploadResult["ended"], error?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
      socket.destroy();
      resolve({ status: match ? Number(match[1]) : null, sentBytes, ms: performance.now() - started, ended, error });
    };
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    const pump = () => {
      while (!finished && sentBytes < totalBytes) {
        const size = Math.min(chunkBytes, totalBytes - sentBytes);
        const data = size === chunkBytes ? chunk : chunk.subarray(0, size);
        sentBytes += size;
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data);
        if (!ok) return void socket.once("drain", pump);
      }
      if (finished || sentBytes < totalBytes) return;
      if (chunked) socket.write("0\r\n\r\n");
      if (ignoreResponse && /\r\n\r\n/.test(response)) finish("response");
    };
    socket.on("connect", () => {
      socket.write(head);
      pump();
    });
    socket.on("data", (data: Buffer) => {
      response += data.toString("latin1");
      if (/\r\n\r\n/.test(response) && (!ignoreResponse || sentBytes >= totalBytes)) finish("response");
    });
    socket.on("close", () => finish(response ? "response" : "closed"));
    socket.on("error", (e: NodeJS.ErrnoException) => finish(response ? "response" : "error", e.code ?? e.message));
  });
}
