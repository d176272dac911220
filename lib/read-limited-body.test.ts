import { describe, expect, it } from "vitest";
import { InvalidEncodingError, PayloadTooLargeError, readLimitedBody } from "./read-limited-body";

function streamOf(chunks: number, chunkSize: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(chunkSize).fill(97));
    },
  });
}

describe("readLimitedBody", () => {
  it("reads a body within the limit", async () => {
    const request = new Request("http://x/", { method: "POST", body: "<xml>你好</xml>" });
    expect(await readLimitedBody(request, 1024)).toBe("<xml>你好</xml>");
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": "999999" } });
    await expect(readLimitedBody(request, 1024)).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    let pulled = 0;
    const body = streamOf(100_000, 1024).pipeThrough(new TransformStream({ transform(c, ctl) { pulled++; ctl.enqueue(c); } }));
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readLimitedBody(request, 64 * 1024)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(pulled).toBeLessThan(100); // a 100 MB body was never buffered
  });
});

describe("encoding", () => {
  it("refuses invalid UTF-8 instead of replacing it", async () => {
    const body = Buffer.concat([Buffer.from("<xml><FromUserName>o"), Buffer.from([0xc3, 0x28]), Buffer.from("</FromUserName></xml>")]);
    const request = new Request("http://x/", { method: "POST", body });
    await expect(readLimitedBody(request, 1024)).rejects.toBeInstanceOf(InvalidEncodingError);
  });
});
