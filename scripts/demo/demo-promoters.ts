// The demo account's promoters: scene keys "1".."N", each with an active permanent code. Scenes that
// already have a code in the account are reused as they are; the missing ones are created in bulk.
import crypto from "node:crypto";
import { db } from "../../lib/db";
import type { DemoPromoter } from "./generate-demo";

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"];
const CHUNK = 1000;

const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= 400 ? Math.floor(i / 400) + 1 : ""}`;

export async function demoPromoters(accountId: string, n: number, runTag: string, createdBefore: Date) {
  const scenes = Array.from({ length: n }, (_, i) => String(i + 1));
  const wanted = new Set(scenes);
  // No IN list: SQLite caps the number of bound parameters, and an account has at most a few thousand codes.
  const codes = (await db().qrCode.findMany({ where: { accountId }, select: { id: true, sceneKey: true, promoterId: true } })).filter((c) => wanted.has(c.sceneKey));
  const unowned = codes.find((c) => !c.promoterId);
  if (unowned) throw new Error(`scene ${unowned.sceneKey} already has a code without a promoter; map it or use another account`);
  const byScene = new Map(codes.map((c) => [c.sceneKey, { id: c.promoterId!, scene: c.sceneKey, qrCodeId: c.id }]));
  const missing = scenes.filter((s) => !byScene.has(s));
  const rows = missing.map((scene, k) => {
    const i = Number(scene) - 1;
    const createdAt = new Date(createdBefore.getTime() - (n - k) * 60_000);
    return {
      promoter: { id: `${runTag}p${scene}`, accountId, name: nameOf(i), phone: `138${String(i + 1).padStart(8, "0")}`, createdAt },
      code: {
        id: `${runTag}q${scene}`, accountId, promoterId: `${runTag}p${scene}`, kind: "QR_LIMIT_SCENE", sceneId: i + 1, sceneKey: scene, status: "active", createdAt,
        ticket: `gQ${crypto.randomBytes(24).toString("base64url")}`, url: `http://weixin.qq.com/q/02${crypto.randomBytes(12).toString("base64url")}`,
      },
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await db().promoter.createMany({ data: part.map((r) => r.promoter) });
    await db().qrCode.createMany({ data: part.map((r) => r.code) });
  }
  for (const r of rows) byScene.set(r.code.sceneKey, { id: r.promoter.id, scene: r.code.sceneKey, qrCodeId: r.code.id });
  const promoters: DemoPromoter[] = scenes.map((s) => byScene.get(s)!);
  return { promoters, created: rows.length, reused: n - rows.length };
}
