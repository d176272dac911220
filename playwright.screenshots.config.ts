import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screenshots`: a fresh install with demo data, every main page in zh-CN and English,
// desktop and phone, saved under docs/screenshots/ (used by the README; check them by eye).
// Ports can be moved (SCREENSHOTS_PORT, SCREENSHOTS_SIMULATOR_PORT) when several checkouts share a box.
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3150);
const SIMULATOR_PORT = Number(process.env.SCREENSHOTS_SIMULATOR_PORT ?? 3198);
const DATA_DIR = "data/screenshots";
const servers = Array.isArray(base.webServer) ? base.webServer : [];

export default defineConfig({
  ...base,
  testDir: "e2e/screenshots",
  testIgnore: [],
  timeout: 180_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: [
    { ...servers[0], command: `npm run cli -- simulate --serve --host 127.0.0.1 --port ${SIMULATOR_PORT}`, port: SIMULATOR_PORT },
    {
      ...servers[1],
      command: `rm -rf ${DATA_DIR} && npm start`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      env: { ...servers[1]?.env, PORT: String(PORT), DATA_DIR, DATABASE_URL: `file:./${DATA_DIR}/scenecode.db`, NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, WECHAT_API_BASE: `http://127.0.0.1:${SIMULATOR_PORT}` },
    },
  ],
});
