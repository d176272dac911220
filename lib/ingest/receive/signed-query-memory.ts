import crypto from "node:crypto";

// A signed query (timestamp, nonce, signature) is valid for the callback's 5-minute window. In plain
// and compatible mode the signature covers no body bytes, so whoever captures one query could post
// any XML with it. WeChat signs every push afresh; the same query comes back only as a copy of the
// same push. This memory refuses the same query with another body.
const WINDOW_MS = 5 * 60 * 1000 + 10_000; // the timestamp window, plus clock slack
const CAPACITY = 200_000; // ~40 MB at worst; far above one box's pushes in 5 minutes

type Entry = { body: string; at: number };

export class SignedQueryMemory {
  private readonly entries = new Map<string, Entry>();

  /** Remembers the query's body; false when the query was already used with a different body. */
  remember(accountId: string, query: URLSearchParams, body: string, now = Date.now()): boolean {
    const key = `${accountId}\u0000${query.get("timestamp")}\u0000${query.get("nonce")}\u0000${query.get("signature")}\u0000${query.get("msg_signature") ?? ""}`;
    const digest = crypto.hash ? crypto.hash("sha1", body, "base64") : crypto.createHash("sha1").update(body).digest("base64");
    const seen = this.entries.get(key);
    if (seen && now - seen.at < WINDOW_MS) return seen.body === digest;
    this.entries.delete(key);
    this.entries.set(key, { body: digest, at: now });
    this.evict(now);
    return true;
  }

  // Entries are in insertion order, which is time order: drop expired ones from the front.
  private evict(now: number) {
    for (const [key, entry] of this.entries) {
      if (now - entry.at < WINDOW_MS && this.entries.size <= CAPACITY) break;
      this.entries.delete(key);
    }
  }
}

const globalForMemory = globalThis as unknown as { scenecodeSignedQueries?: SignedQueryMemory };

/** This process's memory of signed queries (per instance: see docs/security.md, item 8). */
export const signedQueries = () => (globalForMemory.scenecodeSignedQueries ??= new SignedQueryMemory());
