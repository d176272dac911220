import { describe, expect, it } from "vitest";
import { matchEnrolKeyword } from "./match-enrol-keyword";

const both = { enrolKeyword: "推广", statsKeyword: "我的数据" };

describe("matchEnrolKeyword", () => {
  it("matches each keyword exactly, after trimming, Latin letters in any case", () => {
    expect(matchEnrolKeyword(both, " 推广 ")).toEqual({ kind: "enrol", name: null });
    expect(matchEnrolKeyword(both, "我的数据")).toEqual({ kind: "stats" });
    expect(matchEnrolKeyword({ enrolKeyword: "Join", statsKeyword: "Stats" }, "join")).toEqual({ kind: "enrol", name: null });
    expect(matchEnrolKeyword({ enrolKeyword: "Join", statsKeyword: "Stats" }, "STATS")).toEqual({ kind: "stats" });
  });

  it("takes the name a follower gives after the enrol keyword (any whitespace, also the ideographic space)", () => {
    expect(matchEnrolKeyword(both, "推广 张三")).toEqual({ kind: "enrol", name: "张三" });
    expect(matchEnrolKeyword(both, "推广\u3000李 四")).toEqual({ kind: "enrol", name: "李 四" });
    expect(matchEnrolKeyword(both, `推广 ${"名".repeat(60)}`)).toEqual({ kind: "enrol", name: "名".repeat(40) });
  });

  it("does not match a text that merely contains a keyword, or a message without text", () => {
    expect(matchEnrolKeyword(both, "推广活动在哪")).toBeNull();
    expect(matchEnrolKeyword(both, "我想看我的数据")).toBeNull();
    expect(matchEnrolKeyword(both, "我的数据 详细")).toBeNull(); // only the enrol keyword takes a name
    expect(matchEnrolKeyword(both, "")).toBeNull();
    expect(matchEnrolKeyword(both, undefined)).toBeNull();
  });

  it("matches nothing for a keyword that is off", () => {
    expect(matchEnrolKeyword({ enrolKeyword: null, statsKeyword: "我的数据" }, "推广")).toBeNull();
    expect(matchEnrolKeyword({ enrolKeyword: "推广", statsKeyword: null }, "我的数据")).toBeNull();
    expect(matchEnrolKeyword({ enrolKeyword: null, statsKeyword: null }, "推广 张三")).toBeNull();
  });
});
