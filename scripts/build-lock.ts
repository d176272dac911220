// Instances that share one checkout (two `npm start` on one box) must not run `next build` into the
// same .next at once. The first to find the build stale takes this lock and builds; the others wait,
// then find it fresh. A lock left by a process that died (killed mid-build) is taken over.
import fs from "node:fs";

const BUILD_LOCK = ".next-build.lock";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function holderAlive(lock: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lock, "utf8"));
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's
  }
}

/** Runs `work` while holding the checkout's build lock (a file of the working directory). */
export async function withBuildLock<T>(work: () => T, lock = BUILD_LOCK): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!holderAlive(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (!announced) console.log("Another instance is building the production bundle; waiting for it…");
      announced = true;
      await sleep(500);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
