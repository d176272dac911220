import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withBuildLock } from "./build-lock";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenecode-build-lock-"));
const lock = path.join(dir, ".next-build.lock");
afterEach(() => fs.rmSync(lock, { force: true }));

describe("the build lock of a checkout", () => {
  it("waits while another live process holds it, then builds and releases it", async () => {
    fs.writeFileSync(lock, String(process.ppid)); // a live process that is not this one
    let released = 0;
    setTimeout(() => {
      released = Date.now();
      fs.rmSync(lock);
    }, 700);
    const ranAt = await withBuildLock(() => {
      expect(fs.readFileSync(lock, "utf8")).toBe(String(process.pid));
      return Date.now();
    }, lock);
    expect(released).toBeGreaterThan(0);
    expect(ranAt).toBeGreaterThanOrEqual(released);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it("takes over a lock left by a process that died mid-build", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    fs.writeFileSync(lock, dead);
    const started = Date.now();
    expect(await withBuildLock(() => "built", lock)).toBe("built");
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("releases the lock when the build fails", async () => {
    await expect(withBuildLock(() => { throw new Error("next build failed"); }, lock)).rejects.toThrow("next build failed");
    expect(fs.existsSync(lock)).toBe(false);
  });
});
