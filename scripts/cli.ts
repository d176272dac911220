// npm run cli -- <command> [--flag value …]  — what ops scripts need without a browser.
import { parseArgs } from "node:util";
import { ConfigError, loadDotEnv } from "../lib/env";
import { accountAdd, ACCOUNT_ADD_OPTIONS, ACCOUNT_ADD_USAGE } from "./cli/account-add";
import { adminCreate } from "./cli/admin-create";
import { campaignBoard, CAMPAIGN_BOARD_OPTIONS, CAMPAIGN_BOARD_USAGE, campaignCreate, CAMPAIGN_CREATE_OPTIONS, CAMPAIGN_CREATE_USAGE, campaignList, CAMPAIGN_LIST_OPTIONS, CAMPAIGN_LIST_USAGE } from "./cli/campaign-commands";
import { apikeyCreate, APIKEY_CREATE_OPTIONS, APIKEY_CREATE_USAGE } from "./cli/apikey-create";
import { demoSeed, DEMO_SEED_OPTIONS, DEMO_SEED_USAGE } from "./cli/demo-seed";
import { followersBackfill, FOLLOWERS_BACKFILL_OPTIONS, FOLLOWERS_BACKFILL_USAGE } from "./cli/followers-backfill";
import { simulate, SIMULATE_OPTIONS, SIMULATE_USAGE } from "./cli/simulate";
import { webhookCreate, WEBHOOK_CREATE_OPTIONS, WEBHOOK_CREATE_USAGE, webhookList, WEBHOOK_LIST_OPTIONS, WEBHOOK_LIST_USAGE } from "./cli/webhook-commands";
import { statsCrosscheck, STATS_CROSSCHECK_OPTIONS, STATS_CROSSCHECK_USAGE } from "./cli/stats-crosscheck";

type Command = {
  summary: string;
  options: Record<string, { type: "string" | "boolean" }>;
  run: (values: Record<string, unknown>) => Promise<void>;
};

const COMMANDS: Record<string, Command> = {
  "admin:create": {
    summary: "admin:create --email E --password P [--name N] [--role admin|viewer]   create a dashboard user",
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    run: adminCreate,
  },
  "account:add": { summary: ACCOUNT_ADD_USAGE, options: ACCOUNT_ADD_OPTIONS, run: accountAdd },
  "apikey:create": { summary: APIKEY_CREATE_USAGE, options: APIKEY_CREATE_OPTIONS, run: apikeyCreate },
  simulate: { summary: SIMULATE_USAGE, options: SIMULATE_OPTIONS, run: simulate },
  "demo:seed": { summary: DEMO_SEED_USAGE, options: DEMO_SEED_OPTIONS, run: demoSeed },
  "webhook:create": { summary: WEBHOOK_CREATE_USAGE, options: WEBHOOK_CREATE_OPTIONS, run: webhookCreate },
  "webhook:list": { summary: WEBHOOK_LIST_USAGE, options: WEBHOOK_LIST_OPTIONS, run: webhookList },
  "campaign:create": { summary: CAMPAIGN_CREATE_USAGE, options: CAMPAIGN_CREATE_OPTIONS, run: campaignCreate },
  "campaign:list": { summary: CAMPAIGN_LIST_USAGE, options: CAMPAIGN_LIST_OPTIONS, run: campaignList },
  "campaign:board": { summary: CAMPAIGN_BOARD_USAGE, options: CAMPAIGN_BOARD_OPTIONS, run: campaignBoard },
  "stats:crosscheck": { summary: STATS_CROSSCHECK_USAGE, options: STATS_CROSSCHECK_OPTIONS, run: statsCrosscheck },
  "followers:backfill": { summary: FOLLOWERS_BACKFILL_USAGE, options: FOLLOWERS_BACKFILL_OPTIONS, run: followersBackfill },
};

function usage(): never {
  console.error(["usage: npm run cli -- <command> [options]", "", ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join("\n"));
  process.exit(2);
}

async function main() {
  loadDotEnv();
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) usage();
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: rest, options: command.options, strict: true }).values;
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    return usage();
  }
  await command.run(values);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : `Error: ${(error as Error).message}`);
    process.exit(1);
  },
);
