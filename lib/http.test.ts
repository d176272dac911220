import { describe, expect, it } from "vitest";
import { clientIp } from "./http";

describe("clientIp", () => {
  const headers = (xff: string) => new Headers({ "x-forwarded-for": xff });

  it("takes the hop the nearest trusted proxy added", () => {
    expect(clientIp(headers("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7"); // client forged 6.6.6.6
    expect(clientIp(headers("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("without a proxy, uses the entry closest to the server", () => {
    expect(clientIp(headers("198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIp(new Headers(), 0)).toBeNull();
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.1" }), 0)).toBe("192.0.2.1");
  });

  it("accepts a plain header object", () => {
    expect(clientIp({ "x-forwarded-for": "1.1.1.1, 2.2.2.2" }, 1)).toBe("2.2.2.2");
  });
});
