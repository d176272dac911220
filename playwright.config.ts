import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive the real production build in Debian's Chromium (Playwright's own
// browser download is not reachable here). The server gets a fresh SQLite database per run.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 3199);
const DATA_DIR = "data/e2e";
// The first-run setup code (npm start stores it; without SETUP_CODE it would generate and print one).
export const SETUP_CODE = "E2E-SETUP-CODE-2026";

export default defineConfig({
  testDir: "e2e",
  testIgnore: ["screenshots/**", "deploy/**"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // The built-in WeChat simulator stands in for api.weixin.qq.com.
      command: `npm run cli -- simulate --serve --host 127.0.0.1 --port ${SIMULATOR_PORT}`,
      port: SIMULATOR_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
    command: `rm -rf ${DATA_DIR} && npm start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR,
      DATABASE_URL: `file:./${DATA_DIR}/scenecode.db`,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      WECHAT_API_BASE: `http://127.0.0.1:${SIMULATOR_PORT}`,
      SETUP_CODE,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "1", // e2e/12-webhooks.spec.ts: the receiver runs on 127.0.0.1
    },
    },
  ],
});
