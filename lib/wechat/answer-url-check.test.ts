import { describe, expect, it } from "vitest";
import { answerUrlCheck } from "./answer-url-check";

describe("answerUrlCheck", () => {
  it("echoes what WeChat sends, as text/plain", async () => {
    for (const echostr of ["5837397749612347201", "hello123", "A"]) {
      const response = answerUrlCheck(echostr);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe(echostr);
    }
  });

  it("refuses markup, separators, empty, missing and overlong values with 400, never echoing them", async () => {
    const hostile = [
      '<xml><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html></xml>',
      "<xml>",
      "abc def",
      "echo-me-1",
      "a\r\nSet-Cookie: x=1",
      "",
      "9".repeat(129),
      "１２３", // full-width digits
    ];
    for (const echostr of [...hostile, null]) {
      const response = answerUrlCheck(echostr);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      const body = await response.text();
      if (echostr) expect(body).not.toContain(echostr);
    }
  });
});
