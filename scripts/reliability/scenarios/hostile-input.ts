// Hostile input: oversized, malformed and malicious bodies, correctly signed so the body itself is
// on trial. Each must be refused with a 4xx (or, for legal oddities, stored exactly once), nothing
// else may be written, memory must stay flat, and the server process must stay up.
import { db } from "../../../lib/db";
import { fmt, type Context, type Scenario } from "../harness/context";
import { deliver, eventBody, isSuccess, nowSeconds, pushPath, type EventSpec } from "../harness/push";
import { rawUpload, type UploadResult } from "../harness/raw-upload";
import { seedAccount, type SeededAccount } from "../harness/seed";
import { waitForAttribution } from "../harness/verify";
import { hostileCases, mutate, type HostileCase } from "./hostile-cases";

const SIZES = { fast: { bigMb: 20, mutations: 200 }, full: { bigMb: 100, mutations: 2_000 } };
const MAX_RSS_GROWTH_MB = 50;
const MB = 1024 * 1024;

// Stored events, once the worker has moved them out of SQLite's inbox (an event moves from the inbox
// to WechatEvent, so two separate counts could see it twice or not at all).
async function eventCount(accountId: string) {
  await waitForAttribution(accountId, 10_000);
  return db().wechatEvent.count({ where: { accountId } });
}
const is4xx = (status: number) => status >= 400 && status < 500;

/** Uploads while sampling the server's RSS every 20 ms; growth is the peak over the value before. */
async function withRss(ctx: Context, upload: () => Promise<UploadResult>) {
  const before = ctx.server.rssKb() ?? 0;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, ctx.server.rssKb() ?? 0)), 20);
  const result = await upload();
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(sampler);
  return { result, growthMb: (peak - before) / 1024 };
}

async function bigBodies(ctx: Context, account: SeededAccount, bigMb: number) {
  const port = ctx.server.port;
  const path = () => pushPath(account, { openid: "o-big" });
  const before = await eventCount(account.id);
  const big = bigMb * MB;
  const rows: string[] = [];
  let pass = true;
  const note = (label: string, ok: boolean, observed: string) => {
    pass &&= ok;
    rows.push(`${label}: ${observed}${ok ? "" : " ✗"}`);
  };

  // A client still sending when the server answers may see a reset instead of the answer: the
  // server hangs up with unread bytes in its receive buffer and TCP discards the reply. Either way
  // the server stopped reading, which is what matters here.
  const hungUp = (r: UploadResult, total: number) => r.status === null && ["error", "closed"].includes(r.ended) && r.sentBytes < total;
  const oneMb = await ctx.http.request(path(), { method: "POST", body: Buffer.alloc(MB, "A"), headers: { "content-type": "text/xml" }, timeoutMs: 20_000 });
  note("1 MB", oneMb.status === 413 || /^(ECONNRESET|EPIPE)$/.test(oneMb.error ?? ""), `${oneMb.status || `hung up (${oneMb.error})`} in ${oneMb.ms.toFixed(0)} ms`);

  const outcome = (r: UploadResult) => `${r.status ?? `hung up (${r.error ?? r.ended})`}, ${fmt(Math.round(r.sentBytes / MB))} MB written`;
  ctx.http.count();
  const chunked1 = await rawUpload({ port, path: path(), totalBytes: MB });
  note("1 MB chunked", chunked1.status === 413 || hungUp(chunked1, MB), outcome(chunked1));

  ctx.http.count();
  const streamed = await withRss(ctx, () => rawUpload({ port, path: path(), totalBytes: big, ignoreResponse: true, timeoutMs: 60_000 }));
  note(
    `${bigMb} MB chunked, client keeps sending`,
    (streamed.result.status === 413 || hungUp(streamed.result, big)) && streamed.growthMb < MAX_RSS_GROWTH_MB,
    `${outcome(streamed.result)}, RSS +${streamed.growthMb.toFixed(1)} MB`,
  );
  ctx.http.count();
  const declared = await withRss(ctx, () => rawUpload({ port, path: path(), totalBytes: big, contentLength: big }));
  note(
    `${bigMb} MB, true Content-Length`,
    (declared.result.status === 413 || hungUp(declared.result, big)) && declared.growthMb < MAX_RSS_GROWTH_MB,
    `${outcome(declared.result)} in ${declared.result.ms.toFixed(0)} ms, RSS +${declared.growthMb.toFixed(1)} MB`,
  );
  ctx.http.count();
  const lying = await withRss(ctx, () => rawUpload({ port, path: path(), totalBytes: big, contentLength: 100, ignoreResponse: true, timeoutMs: 60_000 }));
  note(
    `Content-Length 100, then ${bigMb} MB`,
    ((lying.result.status !== null && is4xx(lying.result.status)) || hungUp(lying.result, big)) && lying.growthMb < MAX_RSS_GROWTH_MB,
    `${outcome(lying.result)}, RSS +${lying.growthMb.toFixed(1)} MB`,
  );

  const written = (await eventCount(account.id)) - before;
  ctx.check(
    `oversized bodies (1 MB, ${bigMb} MB)`,
    `413/4xx, RSS +<${MAX_RSS_GROWTH_MB} MB, 0 stored`,
    `${rows.join("; ")}; ${written} stored`,
    pass && written === 0,
  );
}

type Outcome = { c: HostileCase; status: number; body: string; delta: number; roundTrip: boolean };

function judge({ c, status, body, delta, roundTrip }: Outcome): boolean {
  if (c.expect === "refused") return is4xx(status) && delta === 0;
  if (c.expect === "ignored") return (is4xx(status) || (status === 200 && body === "success")) && delta === 0;
  return (is4xx(status) && delta === 0) || (status === 200 && body === "success" && delta === 1 && roundTrip);
}

async function runCase(ctx: Context, account: SeededAccount, c: HostileCase): Promise<Outcome> {
  const before = await eventCount(account.id);
  const r = await ctx.http.request(pushPath(account, { openid: "o-hostile" }), {
    method: "POST",
    body: c.body,
    headers: { "content-type": c.contentType ?? "text/xml" },
  });
  const delta = (await eventCount(account.id)) - before;
  const roundTrip = c.openid ? (await db().wechatEvent.count({ where: { accountId: account.id, fromUser: c.openid } })) === 1 : false;
  return { c, status: r.status, body: r.body, delta, roundTrip };
}

export const hostileInput: Scenario = {
  name: "hostile-input",
  controlsProcess: true,
  limits: { fast: { seconds: 90, requests: 600 }, full: { seconds: 300, requests: 3_000 } },
  async run(ctx) {
    const size = SIZES[ctx.mode];
    const account = await seedAccount("hostile", ctx.authSecret, { promoters: 3 });
    const pid = ctx.server.pid;
    const exitsBefore = ctx.server.unexpectedExits;
    // Stamped when built (just before it is sent): the callback refuses a CreateTime far from the query's timestamp.
    const spec = (i: number): EventSpec => ({ openid: `o-hostile-${i}-${account.appId.slice(-6)}`, createTime: nowSeconds(), event: "subscribe", scene: "1" });

    await bigBodies(ctx, account, size.bigMb);

    const outcomes: Outcome[] = [];
    for (const c of hostileCases(spec)) outcomes.push(await runCase(ctx, account, c));
    for (const group of [...new Set(outcomes.map((o) => o.c.group))]) {
      const mine = outcomes.filter((o) => o.c.group === group);
      const bad = mine.filter((o) => !judge(o));
      const statuses = [...new Set(mine.map((o) => o.status || "no response"))].join("/");
      const expect = mine[0].c.expect === "exact" ? "4xx and nothing stored, or stored once with the exact openid" : "4xx, nothing stored";
      ctx.check(
        `${group} (${mine.length} cases)`,
        expect,
        bad.length ? bad.map((o) => `${o.c.name}: ${o.status || "no response"} ${o.body.slice(0, 30)} +${o.delta}`).join("; ") : `all as expected (${statuses})`,
        bad.length === 0,
      );
    }

    // Random mutations of valid events: a mutant may still be a valid event (then it is stored once),
    // otherwise it must be refused with nothing stored; never a 5xx, never silence.
    let seed = 20260521;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tally = { refused: 0, accepted: 0, bad: [] as string[] };
    for (let i = 0; i < size.mutations && !ctx.signal.aborted; i++) {
      const body = mutate(Buffer.from(eventBody(spec(10_000 + i))), random);
      const o = await runCase(ctx, account, { group: "mutation", name: `#${i}`, body, expect: "ignored" });
      if (is4xx(o.status) && o.delta === 0) tally.refused++;
      else if (o.status === 200 && o.body === "success" && o.delta <= 1) tally.accepted++;
      else tally.bad.push(`#${i}: ${o.status || "no response"} +${o.delta}`);
    }
    ctx.check(
      `random mutations (${fmt(size.mutations)})`,
      "4xx & nothing stored, or still valid & stored once; no 5xx",
      tally.bad.length ? `${tally.bad.length} bad: ${tally.bad.slice(0, 5).join("; ")}` : `${fmt(tally.refused)} refused, ${fmt(tally.accepted)} still valid`,
      tally.bad.length === 0,
    );

    // Within a day of now: pushes stamped further ahead are refused as forged.
    const after = await deliver(ctx.http, account, spec(60_000));
    const alive = ctx.server.pid === pid && ctx.server.running && ctx.server.unexpectedExits === exitsBefore;
    ctx.check("server stayed up", `same pid ${pid}, a valid push still succeeds`, `pid ${ctx.server.pid}, ${alive ? "running" : "restarted"}, push ${isSuccess(after) ? "success" : after.status}`, alive && isSuccess(after));
  },
};
