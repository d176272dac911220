import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDataDir } from "./data-dir";

describe("ensureDataDir", () => {
  it("creates the folder 0700 and tightens an existing one", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-data-"));
    const fresh = path.join(root, "data");
    ensureDataDir(fresh);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    const loose = path.join(root, "loose");
    fs.mkdirSync(loose, { mode: 0o755 });
    fs.chmodSync(loose, 0o755);
    ensureDataDir(loose);
    expect(fs.statSync(loose).mode & 0o777).toBe(0o700);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
