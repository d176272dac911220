// Shared set-up for integration tests that call WeChat's API: the built-in simulator, and accounts
// whose (sealed) AppSecret it accepts.
import { afterAll, beforeAll } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { startSimulator, type RunningSimulator } from "@/lib/wechat/simulator/start-simulator";

export const TEST_APP_SECRET = "abcdefabcdefabcdefabcdefabcdef12";

/** Starts the simulator for the file's tests; call `use()` (e.g. in beforeEach) to point WECHAT_API_BASE at it. */
export function simulatorForTests(options: Parameters<typeof startSimulator>[0] = {}) {
  const holder = {
    current: undefined as unknown as RunningSimulator,
    use() {
      holder.current.state.reset();
      process.env.WECHAT_API_BASE = holder.current.url;
      resetEnvForTests();
      return holder.current;
    },
  };
  beforeAll(async () => {
    holder.current = await startSimulator(options);
  });
  afterAll(() => holder.current.close());
  return holder;
}

/** An account the simulator accepts (any 32-character secret when it runs without an accounts list). */
export function createTestAccount(appId = "wx1111222233334444", data: { name?: string; token?: string } = {}) {
  return db().account.create({
    data: { name: data.name ?? "服务号", appId, appSecretEnc: sealSecret(TEST_APP_SECRET, authSecret()), ...sealAccountSecrets({ token: data.token ?? "tok" }) },
  });
}
