// Run by e2e/14-crosscheck.spec.ts with tsx (Playwright's loader cannot load the Prisma client):
// commits the given events to the e2e server's database with storeEvent — what the callback does
// once a push is verified — then waits until the server's attribution worker has attributed them.
import { db } from "../lib/db";
import { storeEvent } from "../lib/ingest/store/store-event";

type Row = { fromUser: string; createTime: number; event: string; eventKey: string | null };

async function main() {
  const [appId, json] = process.argv.slice(2);
  const rows = JSON.parse(json) as Row[];
  const { id: accountId } = await db().account.findUniqueOrThrow({ where: { appId }, select: { id: true } });
  for (const row of rows) await storeEvent({ accountId, ...row, ticket: null });
  const giveUpAt = Date.now() + 20_000;
  for (;;) {
    const attributed = await db().wechatEvent.count({ where: { accountId, attributedAt: { not: null } } });
    if (attributed >= rows.length) break;
    if (Date.now() > giveUpAt) throw new Error(`only ${attributed} of ${rows.length} events attributed after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`stored and attributed ${rows.length} events`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
