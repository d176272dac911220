// The data folder holds the generated auth secret, the setup code and (by default) the SQLite file.
import fs from "node:fs";

/**
 * Creates the folder readable by this user only (0700). An existing folder this process owns is
 * tightened to 0700 too, so an install from before this rule stops exposing its secret and database.
 */
export function ensureDataDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.statSync(dir);
  const ownsIt = typeof process.getuid !== "function" || stat.uid === process.getuid();
  if (ownsIt && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}
