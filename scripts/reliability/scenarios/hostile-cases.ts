// The hostile bodies, each signed correctly (so the body itself is on trial), with what must happen:
//   refused  — 4xx, nothing stored
//   ignored  — 4xx or "success", nothing stored (a message Scenecode does not track)
//   exact    — legal but unusual: refused as above, or "success" with exactly one event whose
//              openid round-trips byte for byte (never mangled, never a 5xx)
import { eventBody, type EventSpec } from "../harness/push";

export type Expect = "refused" | "ignored" | "exact";
export type HostileCase = { group: string; name: string; body: string | Buffer; expect: Expect; contentType?: string; openid?: string };

const field = (name: string, value: string) => `<${name}><![CDATA[${value}]]></${name}>`;

/** A valid follow's XML with fields replaced, removed (null) or appended. */
function xmlWith(spec: EventSpec, change: Record<string, string | null> = {}, extra = ""): string {
  const fields: Record<string, string> = {
    ToUserName: field("ToUserName", "gh_reliability00"),
    FromUserName: field("FromUserName", spec.openid),
    CreateTime: `<CreateTime>${spec.createTime}</CreateTime>`,
    MsgType: field("MsgType", "event"),
    Event: field("Event", spec.event),
    EventKey: field("EventKey", spec.scene ? `qrscene_${spec.scene}` : ""),
  };
  for (const [name, value] of Object.entries(change)) {
    if (value === null) delete fields[name];
    else fields[name] = name === "CreateTime" ? `<CreateTime>${value}</CreateTime>` : field(name, value);
  }
  return `<xml>${Object.values(fields).join("")}${extra}</xml>`;
}

const withBytes = (xml: string, marker: string, bytes: number[]) => {
  const [before, after] = xml.split(marker);
  return Buffer.concat([Buffer.from(before, "utf8"), Buffer.from(bytes), Buffer.from(after, "utf8")]);
};

export function hostileCases(spec: (i: number) => EventSpec): HostileCase[] {
  let n = 0;
  const s = () => spec(n++);
  const valid = () => eventBody(s());
  const cases: HostileCase[] = [];
  const add = (group: string, name: string, body: string | Buffer, expect: Expect = "refused", extra: Partial<HostileCase> = {}) =>
    cases.push({ group, name, body, expect, ...extra });

  // Malformed XML
  add("malformed", "empty body", "");
  add("malformed", "whitespace only", " \r\n\t ");
  add("malformed", "not XML", "hello, this is not xml");
  add("malformed", "binary garbage", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)));
  const v = valid();
  add("malformed", "truncated", v.slice(0, Math.floor(v.length / 2)));
  add("malformed", "unclosed CDATA", xmlWith(s()).replace("]]></FromUserName>", "</FromUserName>"));
  add("malformed", "mismatched closing tag", xmlWith(s()).replace("</MsgType>", "</MsgTyp>"));
  add("malformed", "empty root", "<xml></xml>");
  add("malformed", "two roots", `${valid()}${valid()}`);
  add("malformed", "root is not <xml>", valid().replace(/^<xml>/, "<root>").replace(/<\/xml>$/, "</root>"));
  add("malformed", "text after the root", `${valid()}trailing`);
  add("malformed", "duplicate FromUserName", xmlWith(s(), {}, field("FromUserName", "o-second")));
  add("malformed", "element inside a field", xmlWith(s(), { FromUserName: null }, "<FromUserName><a>o</a></FromUserName>"));
  add("malformed", "5,000 nested elements", xmlWith(s(), {}, `${"<a>".repeat(5000)}x${"</a>".repeat(5000)}`));
  add("malformed", "XML 1.1 declaration + junk", `<?xml version="1.1"?><?junk?>${valid()}<!-- unterminated`);

  // DOCTYPE / ENTITY
  const laughs = `<!DOCTYPE xml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`;
  add("doctype", "billion laughs", `${laughs}${xmlWith(s(), { FromUserName: null }, "<FromUserName>&d;</FromUserName>")}`);
  add("doctype", "external entity (XXE)", `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xmlWith(s(), { FromUserName: null }, "<FromUserName>&x;</FromUserName>")}`);
  add("doctype", "external DTD", `<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/evil.dtd">${valid()}`);
  add("doctype", "lower-case doctype", `<!doctype xml>${valid()}`);
  add("doctype", "parameter entity", `<!DOCTYPE xml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;]>${valid()}`);
  add("doctype", "ENTITY inside the root", valid().replace("<xml>", "<xml><!ENTITY e 'x'>"));

  // Prototype pollution
  add("__proto__", "<__proto__> field", xmlWith(s(), {}, field("__proto__", "polluted")));
  add("__proto__", "<__proto__> with children", xmlWith(s(), {}, "<__proto__><isAdmin>1</isAdmin></__proto__>"));
  add("__proto__", "<constructor><prototype>", xmlWith(s(), {}, "<constructor><prototype><x>1</x></prototype></constructor>"));
  add("__proto__", "<__proto__> as the root", valid().replace(/^<xml>/, "<__proto__>").replace(/<\/xml>$/, "</__proto__>"));

  // JSON instead of XML
  const j = s();
  const json = { ToUserName: "gh", FromUserName: j.openid, CreateTime: String(j.createTime), MsgType: "event", Event: "subscribe", EventKey: "qrscene_1" };
  add("json", "JSON event", JSON.stringify(json), "refused", { contentType: "application/json" });
  add("json", "JSON with __proto__", `{"__proto__":{"polluted":true},"xml":${JSON.stringify(json)}}`, "refused", { contentType: "application/json" });
  add("json", "JSON array", JSON.stringify([json]), "refused", { contentType: "application/json" });

  // Missing or empty fields
  for (const name of ["ToUserName", "FromUserName", "CreateTime", "MsgType"]) add("missing", `no ${name}`, xmlWith(s(), { [name]: null }));
  add("missing", "no Event (untracked)", xmlWith(s(), { Event: null }), "ignored");
  add("missing", "empty FromUserName", xmlWith(s(), { FromUserName: "" }));
  add("missing", "empty CreateTime", xmlWith(s(), { CreateTime: "" }));

  // Huge or out-of-range values (bodies stay under the 64 KiB limit)
  add("huge", "FromUserName 129 chars", xmlWith(s(), { FromUserName: "o".repeat(129) }));
  add("huge", "FromUserName 60,000 chars", xmlWith(s(), { FromUserName: "o".repeat(60_000) }));
  add("huge", "EventKey 600 chars", xmlWith(s(), { EventKey: `qrscene_${"9".repeat(592)}` }));
  add("huge", "Ticket 600 chars", xmlWith(s(), {}, field("Ticket", "t".repeat(600))));
  add("huge", "CreateTime 16 digits", xmlWith(s(), { CreateTime: "1".repeat(16) }));
  add("huge", "CreateTime 999999999999999", xmlWith(s(), { CreateTime: "999999999999999" }));
  add("huge", "CreateTime 9999999999 (past int32)", xmlWith(s(), { CreateTime: "9999999999" }));
  add("huge", "CreateTime -1", xmlWith(s(), { CreateTime: "-1" }));

  // Unicode that must be refused
  const u = (name: string, body: string | Buffer) => add("unicode", name, body);
  u("invalid UTF-8 in FromUserName", withBytes(xmlWith(s(), { FromUserName: "o-@@-x" }), "@@", [0xff, 0xfe, 0xc3]));
  u("overlong '<' (C0 BC)", withBytes(xmlWith(s()), "<MsgType>", [0xc0, 0xbc, ...Buffer.from("MsgType>")]));
  u("UTF-16 surrogate bytes (CESU-8)", withBytes(xmlWith(s(), { FromUserName: "o-@@" }), "@@", [0xed, 0xa0, 0x80]));
  u("NUL in FromUserName", xmlWith(s(), { FromUserName: "o-\u0000-nul" }));
  u("UTF-16LE body with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid(), "utf16le")]));
  u("full-width digits in CreateTime", xmlWith(s(), { CreateTime: "１７００００００００" }));
  u("Arabic-Indic digits in CreateTime", xmlWith(s(), { CreateTime: "١٧٠٠٠٠٠٠٠٠" }));

  // Unicode that is legal XML: refused, or stored exactly
  const keep = (name: string, openid: string, change: Record<string, string> = {}) => {
    const e = { ...s(), openid };
    add("unicode-legal", name, xmlWith(e, change), "exact", { openid });
  };
  keep("emoji + CJK openid", `o-😀中文-${n}`);
  keep("RTL override + zero-width joiner", `o-\u202e\u200d-${n}`);
  keep("combining marks", `o-e\u0301\u0308-${n}`);
  keep("64 astral chars (128 UTF-16 units)", `${"𝒳".repeat(63)}${String.fromCodePoint(0x1f600 + (n % 50))}`);
  keep("CJK scene (unknown scene, unattributed)", `o-scene-${n}`, { EventKey: "qrscene_推广甲" });
  return cases;
}

/** A random mutation of a valid body: bytes flipped, spans cut or doubled, hostile snippets spliced in. */
export function mutate(body: Buffer, random: () => number): Buffer {
  const snippets = ["<", ">", "&", "]]>", "<![CDATA[", "</xml>", "<xml>", "<a>", "<!DOCTYPE x>", "<!ENTITY e 'x'>", "<__proto__>", "\u0000", "\uFFFF", "&#0;", "<?x?>", '"', "'"];
  let out = Buffer.from(body);
  const steps = 1 + Math.floor(random() * 3);
  for (let step = 0; step < steps; step++) {
    const at = Math.floor(random() * (out.length + 1));
    const span = 1 + Math.floor(random() * 12);
    switch (Math.floor(random() * 6)) {
      case 0: // flip a byte
        if (out.length) out[Math.min(at, out.length - 1)] = Math.floor(random() * 256);
        break;
      case 1: // cut a span
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + span)]);
        break;
      case 2: // double a span
        out = Buffer.concat([out.subarray(0, at + span), out.subarray(at, at + span), out.subarray(at + span)]);
        break;
      case 3: // splice in a snippet
        out = Buffer.concat([out.subarray(0, at), Buffer.from(snippets[Math.floor(random() * snippets.length)]), out.subarray(at)]);
        break;
      case 4: // truncate
        out = out.subarray(0, at);
        break;
      default: // swap the halves
        out = Buffer.concat([out.subarray(at), out.subarray(0, at)]);
    }
  }
  return out;
}
