import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-url";

const ORIGIN = "https://scenecode.example.com";

describe("safeCallbackPath", () => {
  it.each([
    ["/promoters", "/promoters"],
    ["/promoters?q=%E5%BC%A0&page=2#top", "/promoters?q=%E5%BC%A0&page=2#top"],
    ["/leaderboard/", "/leaderboard/"],
    ["https://scenecode.example.com/users", "/users"],
    ["promoters", "/promoters"],
    // The same scheme without "//" is a relative reference: it stays on this origin.
    ["https:/evil.example", "/evil.example"],
  ])("keeps the same-origin target %j", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%2F/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "https://evil.example/",
    "http://scenecode.example.com/", // same host, other scheme: another origin
    "https://scenecode.example.com.evil.example/",
    "https://scenecode.example.com@evil.example/",
    "https://user:pass@scenecode.example.com/",
    "//scenecode.example.com@evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:evil.example",
    "/%E0%A4%A",
    "",
    "x".repeat(3000),
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath(["/a", "//b"], ORIGIN)).toBe("/");
  });
});
