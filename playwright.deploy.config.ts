import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// One journey through the multi-instance deployment that scripts/ci/deploy-check.sh brings up:
// nginx with TLS at DEPLOY_URL in front of the instances in DEPLOY_INSTANCES. Nothing is started
// here; the certificate is a throwaway one (NODE_EXTRA_CA_CERTS lets Node's own requests trust it).
export default defineConfig({
  ...base,
  testDir: "e2e/deploy",
  testIgnore: [],
  webServer: undefined,
  use: { ...base.use, baseURL: process.env.DEPLOY_URL ?? "https://127.0.0.1:3440", ignoreHTTPSErrors: true },
});
