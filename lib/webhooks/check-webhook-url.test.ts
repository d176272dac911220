import { describe, expect, it } from "vitest";
import { checkWebhookTarget, isPrivateAddress, parseWebhookUrl } from "./check-webhook-url";

describe("webhook targets", () => {
  it("accepts only http(s) URLs without credentials", () => {
    expect(parseWebhookUrl("https://hooks.example.com/x").hostname).toBe("hooks.example.com");
    for (const bad of ["ftp://example.com/", "javascript:alert(1)", "file:///etc/passwd", "not a url", "https://u:p@example.com/"]) {
      expect(() => parseWebhookUrl(bad), bad).toThrow();
    }
  });

  it("knows loopback, private, link-local, CGNAT and unique-local addresses from public ones", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses private targets unless allowed", async () => {
    await expect(checkWebhookTarget("http://127.0.0.1:9/hook", false)).rejects.toMatchObject({ key: "urlPrivate" });
    await expect(checkWebhookTarget("http://[::1]:9/hook", false)).rejects.toMatchObject({ key: "urlPrivate" });
    await expect(checkWebhookTarget("http://localhost:9/hook", false)).rejects.toMatchObject({ key: "urlPrivate" });
    expect((await checkWebhookTarget("http://127.0.0.1:9/hook", true)).port).toBe("9");
  });
});
