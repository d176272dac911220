// Signed follows at a running instance, as WeChat sends them, for the backup drill: prints one line
// "<openid> <ms since epoch>" for each push the instance acknowledged (answered `success`).
//   tsx scripts/ci/push-follows.ts <callback URL> <token> <count> [concurrency]
import { pushEvent } from "../../lib/wechat/simulator/push-event";

const [callbackUrl, token, countArg, concurrencyArg] = process.argv.slice(2);
if (!callbackUrl || !token || !countArg) {
  console.error("usage: tsx scripts/ci/push-follows.ts <callback URL> <token> <count> [concurrency]");
  process.exit(2);
}
const count = Number(countArg);
const run = Date.now().toString(36);
const createTime = Math.floor(Date.now() / 1000) - 60;
let next = 0;
let failed = 0;

async function worker() {
  while (next < count) {
    const openid = `oDrill${run}x${next++}`;
    const answer = await pushEvent({ callbackUrl, token, event: "subscribe", openid, createTime }).catch((e: Error) => ({ status: 0, body: e.message }));
    if (answer.status === 200 && answer.body === "success") process.stdout.write(`${openid} ${Date.now()}\n`);
    else failed++;
  }
}

void Promise.all(Array.from({ length: Number(concurrencyArg ?? 4) }, worker)).then(() => {
  if (failed) console.error(`push-follows: ${failed} of ${count} pushes were not acknowledged`);
});
