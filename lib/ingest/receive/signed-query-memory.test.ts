import { describe, expect, it } from "vitest";
import { SignedQueryMemory } from "./signed-query-memory";

const query = (nonce: string) => new URLSearchParams({ timestamp: "1700000000", nonce, signature: "abc" });

describe("SignedQueryMemory", () => {
  it("accepts copies of the same push and refuses the same query with another body", () => {
    const memory = new SignedQueryMemory();
    expect(memory.remember("a1", query("1"), "<xml>one</xml>", 0)).toBe(true);
    expect(memory.remember("a1", query("1"), "<xml>one</xml>", 1000)).toBe(true); // WeChat's retry or a copy
    expect(memory.remember("a1", query("1"), "<xml>forged</xml>", 2000)).toBe(false);
    expect(memory.remember("a1", query("2"), "<xml>forged</xml>", 2000)).toBe(true); // another query
    expect(memory.remember("a2", query("1"), "<xml>forged</xml>", 2000)).toBe(true); // another account
  });

  it("forgets a query once its timestamp window has passed", () => {
    const memory = new SignedQueryMemory();
    memory.remember("a1", query("1"), "<xml>one</xml>", 0);
    expect(memory.remember("a1", query("1"), "<xml>two</xml>", 6 * 60 * 1000)).toBe(true);
  });
});
