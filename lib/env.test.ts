import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to a SQLite file under data/ and the real WeChat API", () => {
    const env = parseEnv({}, "/srv/app");
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.sqlitePath).toBe(path.resolve("/srv/app/data/scenecode.db"));
    expect(env.DATABASE_URL).toBe(`file:${path.resolve("/srv/app/data/scenecode.db")}`);
    expect(env.WECHAT_API_BASE).toBe("https://api.weixin.qq.com");
    expect(env.PORT).toBe(3000);
    expect(env.CROSSCHECK_SCHEDULE).toBe("on");
  });

  it("selects PostgreSQL by URL scheme", () => {
    for (const url of ["postgresql://u:p@127.0.0.1:5432/db", "postgres://u@db/x"]) {
      const env = parseEnv({ DATABASE_URL: url });
      expect(env.databaseProvider).toBe("postgresql");
      expect(env.sqlitePath).toBeUndefined();
    }
  });

  it("names the variable in one line when a value is bad", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(
      /^Invalid configuration: DATABASE_URL must be file:<path> \(SQLite\) or postgresql:/,
    );
    expect(() => parseEnv({ WECHAT_API_BASE: "ftp://x" })).toThrowError(/WECHAT_API_BASE/);
    expect(() => parseEnv({ PORT: "70000" })).toThrowError(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrowError(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ WECHAT_APP_ID: "not-an-appid" })).toThrowError(ConfigError);
    expect(() => parseEnv({ WECHAT_ENCODING_AES_KEY: "abc" })).toThrowError(/WECHAT_ENCODING_AES_KEY/);
    expect(() => parseEnv({ CROSSCHECK_SCHEDULE: "sometimes" })).toThrowError(/CROSSCHECK_SCHEDULE must be on or off/);
  });

  it("treats empty optional values as unset and strips a trailing slash from the API base", () => {
    const env = parseEnv({ AUTH_SECRET: "", WECHAT_APP_ID: "", WECHAT_API_BASE: "http://127.0.0.1:4000/" });
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.WECHAT_APP_ID).toBeUndefined();
    expect(env.WECHAT_API_BASE).toBe("http://127.0.0.1:4000");
  });

  it("accepts a full WeChat bootstrap", () => {
    const env = parseEnv({
      WECHAT_APP_ID: "wxb11529c136998cb6",
      WECHAT_APP_SECRET: "0123456789abcdef0123456789abcdef",
      WECHAT_TOKEN: "pamtest",
      WECHAT_ENCODING_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    });
    expect(env.WECHAT_APP_ID).toBe("wxb11529c136998cb6");
  });
});
