import { describe, expect, it } from "vitest";
import { dictionaryFor } from "../i18n/locales";
import { ExportsBusyError, exportsBusyResponse, MAX_XLSX_EXPORTS_PER_USER, withXlsxExportSlot } from "./limit-xlsx-exports";

/** An export that runs until the test lets it finish. */
function held() {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return { build: () => promise, finish, fail };
}

const outcome = (promise: Promise<unknown>) => promise.then(() => "done", (e: unknown) => (e instanceof ExportsBusyError ? "busy" : "failed"));

describe("concurrent Excel exports per user", () => {
  it("runs a few at once per user, refuses the next, and frees a slot when one ends", async () => {
    expect(MAX_XLSX_EXPORTS_PER_USER).toBeGreaterThanOrEqual(2);
    const exports = Array.from({ length: MAX_XLSX_EXPORTS_PER_USER }, held);
    const running = exports.map((e) => withXlsxExportSlot("u1", e.build));
    expect(await outcome(withXlsxExportSlot("u1", async () => "x"))).toBe("busy");
    expect(await withXlsxExportSlot("u2", async () => "other user")).toBe("other user");
    exports[0].finish("first");
    expect(await running[0]).toBe("first");
    expect(await withXlsxExportSlot("u1", async () => "again")).toBe("again");
    exports.slice(1).forEach((e) => e.finish("rest"));
    await Promise.all(running);
  });

  it("frees the slot when an export fails", async () => {
    const failing = Array.from({ length: MAX_XLSX_EXPORTS_PER_USER }, held);
    const running = failing.map((e) => outcome(withXlsxExportSlot("u3", e.build)));
    failing.forEach((e) => e.fail(new Error("database gone")));
    expect(await Promise.all(running)).toEqual(failing.map(() => "failed"));
    expect(await withXlsxExportSlot("u3", async () => "ok")).toBe("ok");
  });

  it("answers 429 with a message in the reader's language", async () => {
    const zh = exportsBusyResponse(new ExportsBusyError(2), dictionaryFor("zh-CN"));
    expect(zh.status).toBe(429);
    expect(zh.headers.get("retry-after")).toBe("10");
    expect(await zh.json()).toEqual({ error: { code: "too_many_exports", message: "你已有 2 个 Excel 导出正在生成。请等它们完成后再试，或改用 CSV 导出。" } });
    const en = await exportsBusyResponse(new ExportsBusyError(1), dictionaryFor("en")).json();
    expect(en.error.message).toBe("You already have 1 Excel export in progress. Try again when it finishes, or export CSV.");
  });
});
