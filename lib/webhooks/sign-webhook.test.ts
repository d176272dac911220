import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliveryHeaders, signWebhook, verifyWebhook } from "./sign-webhook";

const body = JSON.stringify({ id: "evt_1", type: "follow" });

describe("signWebhook", () => {
  it("is HMAC-SHA256 over `${timestamp}.${body}`, hex, prefixed sha256=", () => {
    const expected = crypto.createHmac("sha256", "whsec_test").update(`1764870000.${body}`).digest("hex");
    expect(signWebhook("whsec_test", 1764870000, body)).toBe(`sha256=${expected}`);
  });

  it("verifies what it signs, and refuses another secret, a changed body, a changed timestamp or an old one", () => {
    const headers = deliveryHeaders("s3cret", body, { type: "follow", eventId: "evt_1", deliveryId: 7 }, 1000);
    const h = { signature: headers["x-scenecode-signature"], timestamp: headers["x-scenecode-timestamp"] };
    expect(headers).toMatchObject({ "x-scenecode-event": "follow", "x-scenecode-event-id": "evt_1", "x-scenecode-delivery": "7", "x-scenecode-timestamp": "1000" });
    expect(verifyWebhook("s3cret", h, body, 1000)).toBe(true);
    expect(verifyWebhook("other", h, body, 1000)).toBe(false);
    expect(verifyWebhook("s3cret", h, body + " ", 1000)).toBe(false);
    expect(verifyWebhook("s3cret", { ...h, timestamp: "1001" }, body, 1000)).toBe(false);
    expect(verifyWebhook("s3cret", h, body, 1000 + 301)).toBe(false);
    expect(verifyWebhook("s3cret", { ...h, signature: null }, body, 1000)).toBe(false);
  });
});
