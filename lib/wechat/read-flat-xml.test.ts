import { describe, expect, it } from "vitest";
import { hostileCases, mutate } from "@/scripts/reliability/scenarios/hostile-cases";
import { eventBody } from "@/scripts/reliability/harness/push";
import { readFlatXml } from "./read-flat-xml";
import { readFieldsStrictly } from "./parse-message";

// The fast path may decline anything, but what it accepts must read exactly as the strict parser reads it.
function agree(body: string) {
  if (body.includes("\u0000") || body.length > 256 * 1024 || /<!(DOCTYPE|ENTITY)/i.test(body)) return; // refused before either parser runs
  const fast = readFlatXml(body);
  if (fast === null) return;
  let strict: Record<string, string> | Error;
  try {
    strict = readFieldsStrictly(body);
  } catch (error) {
    strict = error as Error;
  }
  expect(strict, `accepted by the fast path only: ${JSON.stringify(body.slice(0, 300))}`).not.toBeInstanceOf(Error);
  expect({ ...fast }).toEqual({ ...(strict as Record<string, string>) });
}

const spec = (i: number) => ({ openid: `o-diff-${i}`, createTime: 1_764_000_000 + i, event: "subscribe" as const, scene: String(i + 1) });

describe("readFlatXml", () => {
  it("reads WeChat's pushes (text and CDATA fields, a declaration, whitespace between fields)", () => {
    const body = eventBody(spec(0));
    expect(readFlatXml(body)).toMatchObject({ FromUserName: "o-diff-0", CreateTime: "1764000000", MsgType: "event", EventKey: "qrscene_1" });
    agree(body);
    agree(`<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <ToUserName><![CDATA[gh]]></ToUserName>\n  <CreateTime> 17 </CreateTime>\n</xml>\n`);
    agree("<xml><A><![CDATA[  padded  ]]></A><B></B><C><![CDATA[]]></C><D>a > b</D></xml>");
  });

  it("declines what needs the strict parser", () => {
    for (const body of [
      "<xml><A x=\"1\">v</A></xml>",
      "<xml><A><B>v</B></A></xml>",
      "<xml><A>&amp;</A></xml>",
      "<xml><A>v</A><A>w</A></xml>",
      "<xml><__proto__>v</__proto__></xml>",
      "<xml><A><![CDATA[a]]]]><![CDATA[>b]]></A></xml>",
      "<xml><!-- c --><A>v</A></xml>",
      "<!DOCTYPE xml><xml><A>v</A></xml>",
      "<xml></xml>",
      "<xml><A/></xml>",
    ]) expect(readFlatXml(body), body).toBeNull();
  });

  it("agrees with the strict parser on the reliability suite's hostile bodies and 5,000 mutations of them", () => {
    const cases = hostileCases(spec);
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const c of cases) {
      const body = Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body);
      agree(body.toString("utf8"));
      for (let i = 0; i < 5_000 / cases.length; i++) agree(mutate(body, random).toString("utf8"));
    }
  });
});
