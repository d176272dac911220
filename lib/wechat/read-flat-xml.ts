// The fast path of parse-message.ts: WeChat's pushes are one <xml> root whose children each hold
// one text or one CDATA value. Documents of exactly that shape are read with one sticky regex
// (a few microseconds instead of a validating parse); anything else — attributes, nesting,
// entities, comments, repeated or reserved names, split CDATA — returns null, and the strict
// validating parser decides. A differential test checks that both agree on every input.

const ROOT = /^(?:<\?xml[^<>?]*\?>)?\s*<xml>([\s\S]*)<\/xml>\s*$/;
// One child: <Name>text</Name> or <Name><![CDATA[value]]></Name>, with whitespace around.
// A CDATA value never contains "]]>" (a split CDATA section is left to the strict parser).
const CHILD = /\s*<([A-Za-z][A-Za-z0-9_]{0,63})>(?:<!\[CDATA\[((?:[^\]]|\](?!\]>))*)\]\]>|([^<&]*))<\/\1>\s*/y;
const RESERVED = new Set(["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf"]);

/** The fields of a flat WeChat document, or null when the strict parser must decide. */
export function readFlatXml(body: string): Record<string, string> | null {
  if (body.includes("\r")) return null; // XML normalises line ends: the strict parser does that
  const root = ROOT.exec(body);
  if (!root) return null;
  const inner = root[1];
  const fields: Record<string, string> = Object.create(null);
  let count = 0;
  CHILD.lastIndex = 0;
  while (CHILD.lastIndex < inner.length) {
    const start = CHILD.lastIndex;
    const match = CHILD.exec(inner);
    if (!match || match.index !== start) return null;
    const [, name, cdata, text] = match;
    if (RESERVED.has(name) || name in fields) return null;
    if (text !== undefined && text.includes("]]>")) return null;
    fields[name] = cdata ?? text.trim(); // as fast-xml-parser's trimValues: text is trimmed, CDATA kept whole
    count++;
  }
  return count ? fields : null;
}
