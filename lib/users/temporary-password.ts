import crypto from "node:crypto";

// No 0/O, 1/l/I: a temporary password is often read out or typed from a screenshot.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password like "k7Qm-x2Pa-9tRw-BcN4" (16 symbols from 56, about 92 bits). */
export function generateTemporaryPassword(groups = 4, size = 4): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length: size }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(""),
  ).join("-");
}
