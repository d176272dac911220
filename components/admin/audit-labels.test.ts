import { describe, expect, it } from "vitest";
import { dictionaryFor } from "@/lib/i18n/locales";
import { actionCategory, actionLabel, summarizeDetail } from "./audit-labels";

describe("actionLabel", () => {
  const zh = dictionaryFor("zh-CN").admin.audit.actions;
  const en = dictionaryFor("en").admin.audit.actions;

  it("labels known actions in both languages", () => {
    expect(actionLabel("promoter.create", zh)).toBe("创建推广者");
    expect(actionLabel("promoter.create", en)).toBe("Created promoter");
    expect(actionLabel("user.reset-password", zh)).toBe("重置密码");
  });

  it("shows the raw key for unknown actions, including inherited property names", () => {
    expect(actionLabel("batch.import", zh)).toBe("batch.import");
    expect(actionLabel("toString", zh)).toBe("toString");
  });

  it("labels every action Scenecode writes", () => {
    const written = ["setup.complete", "user.create", "user.role", "user.disable", "user.enable", "user.reset-password", "account.create", "account.update", "account.clear-previous-key", "account.forwarding", "account.qualify-days", "reply-rule.create", "reply-rule.delete", "reply-rule.move", "promoter.create", "promoter.update", "promoter.activate", "promoter.deactivate", "qrcode.create", "apikey.create", "apikey.revoke", "selfservice.create", "selfservice.rotate", "selfservice.disable", "selfservice.enable"];
    for (const action of written) expect(actionLabel(action, zh), action).not.toBe(action);
  });

  it("finds the category", () => {
    expect(actionCategory("user.disable")).toBe("user");
    expect(actionCategory("odd")).toBe("odd");
  });
});

describe("summarizeDetail", () => {
  it("joins keys and values and renders nested values as JSON", () => {
    expect(summarizeDetail({ email: "a@example.com", role: "viewer" })).toBe("email: a@example.com · role: viewer");
    expect(summarizeDetail({ sceneId: 3, ok: true, phone: null, tags: ["a"] })).toBe('sceneId: 3 · ok: true · phone: — · tags: ["a"]');
  });

  it("is empty without detail and cuts long lines", () => {
    expect(summarizeDetail(null)).toBe("");
    const long = summarizeDetail({ note: "x".repeat(500) }, 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith("…")).toBe(true);
  });
});
