import { describe, expect, it } from "vitest";
import { parseSecretLines, readCliSecrets } from "./read-cli-secrets";

describe("CLI secrets", () => {
  it("parses NAME=value lines from stdin, skipping blanks and comments", () => {
    expect(parseSecretLines("# secrets\nWECHAT_APP_SECRET=abc\n\nWECHAT_TOKEN= tok \r\n")).toEqual({ WECHAT_APP_SECRET: "abc", WECHAT_TOKEN: "tok" });
  });

  it("refuses unknown names and malformed lines instead of ignoring them", () => {
    expect(() => parseSecretLines("WECHAT_TOKNE=x")).toThrow(/line 1/);
    expect(() => parseSecretLines("just-a-value")).toThrow(/line 1/);
  });

  it("refuses secrets on the command line, naming where they go instead", async () => {
    await expect(readCliSecrets({ secret: "s", token: "t" })).rejects.toThrow(/--secret → WECHAT_APP_SECRET, --token → WECHAT_TOKEN/);
  });
});
