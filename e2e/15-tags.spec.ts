import { expect, test, type Page } from "@playwright/test";
import { controlSimulator, readSimulatorTags, recordSimulatorEvent } from "../lib/wechat/simulator/control-simulator";
import { pushEvent } from "../lib/wechat/simulator/push-event";
import { ensureAdmin, SIMULATOR_URL } from "./helpers";

// Channel tags through the real UI against the simulator: map a promoter to a WeChat tag, tag an
// existing follower with the button and a new one by itself, a follower WeChat does not know failing
// with 40003 and its hint, retried; a 45009 pausing tagging; the promoter page; the page in English.
const APP_ID = "wx15a6b7c8d9e0f1a2";
const TOKEN = "tagstoken2026";

async function refreshUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test("map a promoter to a WeChat tag; followers get it, failures show their errcode and can be retried", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await ensureAdmin(page);
  await page.goto("/settings?new=1");
  await page.getByLabel("名称").fill("标签服务号");
  await page.getByLabel("AppID（开发者ID）").fill(APP_ID);
  await page.getByLabel("AppSecret（开发者密码）").fill("c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");
  await page.getByLabel("Token（令牌）").fill(TOKEN);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("callback-url")).toHaveText(`${baseURL}/api/wechat/${APP_ID}`);
  await page.goto("/promoters");
  await page.getByLabel("姓名").fill("标签甲");
  await page.getByRole("button", { name: "添加推广者" }).click();
  await expect(page.getByTestId("qr-svg").locator("svg")).toBeVisible();
  const promoterUrl = page.url();
  const scene = (await page.getByText(/场景值 \d+（永久二维码）/).textContent())!.match(/场景值 (\d+)/)![1];
  const stamp = Date.now();
  const follow = (openid: string, known = true) =>
    pushEvent({ callbackUrl: `${baseURL}/api/wechat/${APP_ID}`, token: TOKEN, event: "subscribe", openid, scene, createTime: Math.floor(Date.now() / 1000) - 2, ...(known ? { simulatorUrl: SIMULATOR_URL, appId: APP_ID } : {}) });
  const oldFan = `oTagOld${stamp}`;
  expect(await follow(oldFan)).toEqual({ status: 200, body: "success" });

  await page.getByRole("link", { name: "自动打标签" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "自动打标签" })).toBeVisible();
  await expect(page.getByTestId("tag-budget")).toHaveText("已用标签：0 / 100");
  await expect(page.getByTestId("tags-empty")).toBeVisible();
  const form = page.getByTestId("create-tag-form");
  await form.getByLabel("对应").selectOption("promoter");
  await form.getByRole("button", { name: "新建标签映射" }).click(); // no name: refused, nothing created
  await expect(form.getByText("请输入标签名")).toBeVisible();
  await form.getByLabel("团队 / 活动 / 推广者").selectOption({ label: "标签甲" });
  await form.getByLabel("微信标签名").fill("甲的粉丝");
  await form.getByLabel("同时给现有粉丝打标签").uncheck();
  await form.getByRole("button", { name: "新建标签映射" }).click();
  await expect(page.getByTestId("tag-created")).toContainText("已创建标签「甲的粉丝」");
  await expect(page.getByTestId("tag-budget")).toHaveText("已用标签：1 / 100");
  const row = page.getByTestId("tag-mapping").and(page.locator('[data-tag="甲的粉丝"]'));
  await expect(row).toContainText("推广者 · 标签甲");
  const [tag] = (await readSimulatorTags(SIMULATOR_URL, APP_ID)).tags!;
  expect(tag).toMatchObject({ name: "甲的粉丝", count: 0 });

  await row.getByTestId("tag-existing").click(); // the follower from before the mapping
  await expect(row.getByTestId("tag-action-note")).toHaveText("已加入队列：1 位");
  const newFan = `oTagNew${stamp}`;
  expect(await follow(newFan)).toEqual({ status: 200, body: "success" });
  await refreshUntil(page, () => expect(row.getByTestId("tag-done")).toHaveText("2", { timeout: 1000 }));
  expect((await readSimulatorTags(SIMULATOR_URL, APP_ID, oldFan)).tagIds).toEqual([tag.id]);
  expect((await readSimulatorTags(SIMULATOR_URL, APP_ID, newFan)).tagIds).toEqual([tag.id]);

  // A follower the simulator does not list (as if they had left): WeChat answers 40003 for them alone.
  const stranger = `oTagGone${stamp}`;
  expect(await follow(stranger, false)).toEqual({ status: 200, body: "success" });
  const failed = page.getByTestId("tag-failed-row").and(page.locator(`[data-openid="${stranger}"]`));
  await refreshUntil(page, () => expect(failed).toBeVisible({ timeout: 1000 }));
  await expect(failed.getByTestId("tag-errcode")).toHaveText("40003");
  await expect(failed).toContainText("该用户已不再关注公众号");
  await expect(row.getByTestId("tag-failed")).toHaveText("1");
  await recordSimulatorEvent(SIMULATOR_URL, { appId: APP_ID, event: "subscribe", openid: stranger, scene }); // they follow again
  await failed.getByTestId("tag-retry").click();
  await refreshUntil(page, () => expect(row.getByTestId("tag-done")).toHaveText("3", { timeout: 1000 }));
  await expect(page.getByTestId("tag-failed-empty")).toBeVisible();

  // The daily quota used up: tagging pauses until midnight Beijing time, and the page says so.
  await controlSimulator(SIMULATOR_URL, { action: "failNext", errcode: 45009, count: 1, path: "/cgi-bin/tags/members/batchtagging" });
  expect(await follow(`oTagLate${stamp}`)).toEqual({ status: 200, body: "success" });
  await refreshUntil(page, () => expect(page.getByTestId("tag-paused")).toBeVisible({ timeout: 1000 }));
  await expect(page.getByTestId("tag-paused")).toContainText("45009");
  await expect(row.getByTestId("tag-pending")).toHaveText("1");

  await page.goto(promoterUrl);
  const fan = page.getByTestId("follower-tag-row").and(page.locator(`[data-openid="${newFan}"]`));
  await expect(fan).toContainText("甲的粉丝 · 已打标签");

  await page.goto("/tags");
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Channel tags" })).toBeVisible();
  await expect(page.getByTestId("tag-budget")).toHaveText("Tags used: 1 / 100");
  await expect(page.getByTestId("tag-paused")).toContainText("resumes by itself");
  await expect(row.getByTestId("tag-existing")).toHaveText("Tag existing followers");
  await row.getByTestId("tag-existing").click();
  await expect(row.getByTestId("tag-action-note")).toHaveText("Nothing new to queue");
  await page.getByRole("button", { name: "中文" }).first().click();
});
