import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores argon2id hashes that verify only the right password", async () => {
    const hash = await hashPassword("correct-horse-battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct-horse-battery")).toBe(true);
    expect(await verifyPassword(hash, "correct-horse-batterz")).toBe(false);
  });

  it("verifies the hashes that the argon2 package stored before (its PHC parameters in another order)", async () => {
    // Written by argon2@0.45.1 (node-argon2) for the password "pw".
    const stored = "$argon2id$v=19$m=19456,p=1,t=2$evv8RSy/blnfBveUl+lWYA$vj6WaN+SCsHkGHTbhmRhxPi4mtodlkjdzOdyqAsdbKQ";
    expect(await verifyPassword(stored, "pw")).toBe(true);
    expect(await verifyPassword(stored, "px")).toBe(false);
  });

  it("never authenticates against a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
