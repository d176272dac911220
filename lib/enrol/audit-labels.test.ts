import { describe, expect, it } from "vitest";
import { actionLabel } from "@/components/admin/audit-labels";
import { dictionaryFor } from "@/lib/i18n/locales";

describe("audit labels of the enrol actions", () => {
  it("labels every action lib/enrol writes, in both languages", () => {
    const written = ["account.enrol", "application.approve", "application.auto-approve", "application.reject", "application.resend"];
    for (const locale of ["zh-CN", "en"] as const) {
      const actions = dictionaryFor(locale).admin.audit.actions;
      for (const action of written) expect(actionLabel(action, actions), action).not.toBe(action);
    }
  });
});
