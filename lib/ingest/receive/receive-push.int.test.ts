import { beforeEach, describe, expect, it } from "vitest";
import { sealAccountSecrets } from "@/lib/accounts/account-secrets";
import { db } from "@/lib/db";
import { drainAttribution } from "@/lib/ingest/attribute/drain-attribution";
import { resetDatabase } from "@/test/reset-database";
import { eventXml, signedUrl } from "@/test/wechat-push";
import { findCallbackAccount, forgetCallbackAccounts, type CallbackAccount } from "./account-cache";
import { receivePush } from "./receive-push";

const APP_ID = "wx00112233445566ff";
const TOKEN = "receivetoken";
let account: CallbackAccount;

// A push as WeChat sends it: every delivery (first or retry) signed afresh, with the same body.
const delivery = () => new URL(signedUrl(APP_ID, TOKEN)).searchParams;

async function reload() {
  forgetCallbackAccounts();
  account = (await findCallbackAccount(APP_ID))!;
}

beforeEach(async () => {
  await resetDatabase();
  await db().account.create({ data: { name: "收号", appId: APP_ID, appSecretEnc: "x", ...sealAccountSecrets({ token: TOKEN }) } });
  await reload();
});

describe("receivePush: a retry's copy of a committed push", () => {
  it("is answered at once, without a promise or a second row, when the answer is plain success", async () => {
    const body = eventXml({ openid: "o_retry_1", event: "subscribe" });
    const first = receivePush(account, delivery(), body);
    expect(first).toBeInstanceOf(Promise); // the first delivery waits for its commit
    expect(await first).toEqual({ answer: "success", stored: "stored" });

    const copy = receivePush(account, delivery(), body);
    expect(copy).toEqual({ answer: "success", stored: "duplicate" }); // a value, not a promise
    await drainAttribution(); // on SQLite the raw row waits in the inbox until attribution moves it
    expect(await db().wechatEvent.count()).toBe(1);
  });

  it("still waits for its answer when the follow gets a welcome reply, and replies again", async () => {
    await db().account.update({ where: { appId: APP_ID }, data: { welcomeText: "欢迎关注" } });
    await reload();
    const body = eventXml({ openid: "o_retry_2", event: "subscribe" });
    const first = await receivePush(account, delivery(), body);
    expect(first.answer).toContain("欢迎关注");
    const copy = receivePush(account, delivery(), body);
    expect(copy).toBeInstanceOf(Promise);
    const again = await copy;
    expect(again.stored).toBe("duplicate");
    expect(again.answer).toContain("欢迎关注"); // WeChat shows the reply of whichever delivery it got
  });

  it("stores a push this process has not committed, and refuses a copy whose body was changed", async () => {
    const body = eventXml({ openid: "o_retry_3", event: "unsubscribe" });
    expect(receivePush(account, delivery(), body)).toBeInstanceOf(Promise);
    const query = delivery();
    await receivePush(account, query, body);
    const forged = body.replace("o_retry_3", "o_forged");
    expect(() => receivePush(account, query, forged)).toThrow(/replay/);
    await drainAttribution();
    expect(await db().wechatEvent.count({ where: { fromUser: "o_forged" } })).toBe(0);
    expect(await db().wechatEvent.count({ where: { fromUser: "o_retry_3" } })).toBe(1);
  });
});
