import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "test/empty-module.ts"),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,scripts,app,components}/**/*.test.ts", "proxy.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", "lib/generated/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,scripts,app}/**/*.int.test.ts"],
          globalSetup: ["test/integration-setup.ts"],
          fileParallelism: false, // one database per run
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
