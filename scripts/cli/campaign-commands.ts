// npm run cli -- campaign:create / campaign:list / campaign:board — campaigns from ops scripts.
import { ZodError } from "zod";
import { db } from "../../lib/db";
import { campaignErrorMessage } from "../../lib/campaigns/campaign-error-message";
import { campaignStatus } from "../../lib/campaigns/campaign-window";
import { CampaignInputError } from "../../lib/campaigns/check-overlap";
import { createCampaignCodes } from "../../lib/campaigns/create-campaign-codes";
import { enrolPermanentCodes, type EnrolTarget } from "../../lib/campaigns/enrol-codes";
import { getCampaignBoard } from "../../lib/campaigns/get-campaign-board";
import { getCampaignNewFollowers } from "../../lib/campaigns/get-campaign-summary";
import { createCampaign, deleteCampaign } from "../../lib/campaigns/save-campaign";

const ACTOR = { email: "cli" };
const FIELD_FLAGS: Record<string, string> = { name: "--name", startDay: "--from", endDay: "--to", target: "--target", promoterIds: "--enrol", teamId: "--enrol", codes: "--enrol", temporary: "--temporary" };

export const CAMPAIGN_CREATE_OPTIONS = {
  account: { type: "string" }, name: { type: "string" }, from: { type: "string" }, to: { type: "string" },
  target: { type: "string" }, enrol: { type: "string" }, temporary: { type: "boolean" },
} as const;
export const CAMPAIGN_CREATE_USAGE =
  "campaign:create --account wx… --name N --from YYYY-MM-DD --to YYYY-MM-DD [--target N] [--enrol all|team:NAME [--temporary]]   create a campaign, enrol permanent codes or make temporary ones";
export const CAMPAIGN_LIST_OPTIONS = { account: { type: "string" } } as const;
export const CAMPAIGN_LIST_USAGE = "campaign:list --account wx…   the account's campaigns: window, status, codes, new followers against the target";
export const CAMPAIGN_BOARD_OPTIONS = { account: { type: "string" }, name: { type: "string" }, limit: { type: "string" } } as const;
export const CAMPAIGN_BOARD_USAGE = "campaign:board --account wx… --name N [--limit 20]   a campaign's leaderboard over its window";

async function accountOf(values: Record<string, unknown>) {
  const appId = typeof values.account === "string" ? values.account.trim() : "";
  if (!appId) throw new Error("--account: the AppID of the Official Account is required");
  const account = await db().account.findUnique({ where: { appId }, select: { id: true, timezone: true } });
  if (!account) throw new Error(`--account: no connected Official Account has AppID ${appId}`);
  return account;
}

/** A refusal in the flags' own words: zod's keys and the campaign errors become "--flag: message". */
function asFlagError(error: unknown): unknown {
  if (error instanceof ZodError) return new Error(error.issues.map((i) => `${FIELD_FLAGS[String(i.path[0])] ?? "--enrol"}: ${i.message}`).join("; "));
  if (error instanceof CampaignInputError) return new Error(`${FIELD_FLAGS[error.field] ?? `--${error.field}`}: ${campaignErrorMessage(error)}`);
  return error;
}

async function enrolTarget(accountId: string, enrol: string): Promise<EnrolTarget> {
  if (enrol === "all") {
    const promoters = await db().promoter.findMany({ where: { accountId, active: true }, select: { id: true }, take: 5000 });
    if (!promoters.length) throw new Error("--enrol: the account has no active promoters");
    return { promoterIds: promoters.map((p) => p.id) };
  }
  const team = enrol.startsWith("team:") ? enrol.slice(5).trim() : "";
  if (!team) throw new Error('--enrol: must be "all" or "team:<team name>"');
  const found = await db().team.findUnique({ where: { accountId_name: { accountId, name: team } }, select: { id: true } });
  if (!found) throw new Error(`--enrol: no team named ${team}`);
  return { teamId: found.id };
}

export async function campaignCreate(values: Record<string, unknown>) {
  const account = await accountOf(values);
  if (values.temporary && !values.enrol) throw new Error("--temporary: needs --enrol all|team:NAME (whose temporary codes to make)");
  try {
    const target = typeof values.enrol === "string" ? await enrolTarget(account.id, values.enrol.trim()) : null;
    const campaign = await createCampaign(account.id, { name: values.name ?? "", startDay: values.from ?? "", endDay: values.to ?? "", target: values.target }, ACTOR);
    console.log(`Created campaign ${campaign.name} (${campaign.startDay} … ${campaign.endDay}${campaign.target ? `, target ${campaign.target} new followers` : ""}) id ${campaign.id}`);
    if (!target) return;
    if (!values.temporary) {
      // A refused enrolment (a code already in an overlapping campaign) leaves no empty campaign behind.
      const enrolled = await enrolPermanentCodes(account.id, campaign.id, target, ACTOR).catch(async (error) => {
        await deleteCampaign(account.id, campaign.id, ACTOR);
        console.log(`Removed campaign ${campaign.name} again: its codes could not be enrolled.`);
        throw error;
      });
      return console.log(`Enrolled ${enrolled} permanent code${enrolled === 1 ? "" : "s"}.`);
    }
    const result = await createCampaignCodes(account.id, campaign.id, target, ACTOR);
    console.log(`Made ${result.created} temporary code${result.created === 1 ? "" : "s"} (${result.skipped} already made, ${result.remaining} left for another run).`);
    for (const f of result.failures) console.log(`  ${f.name}: WeChat answered ${f.errcode ?? "—"} ${f.errmsg} — ${f.hint.en}`);
    if (result.failures.length) process.exitCode = 1;
  } catch (error) {
    throw asFlagError(error);
  }
}

export async function campaignList(values: Record<string, unknown>) {
  const account = await accountOf(values);
  const campaigns = await db().campaign.findMany({ where: { accountId: account.id }, orderBy: [{ startDay: "desc" }, { name: "asc" }], include: { _count: { select: { codes: true } } } });
  if (!campaigns.length) return console.log("No campaigns.");
  for (const c of campaigns) {
    const follows = await getCampaignNewFollowers(c);
    const progress = c.target ? `${follows} / ${c.target} new followers (${Math.floor((follows * 100) / c.target)} %)` : `${follows} new followers`;
    console.log(`${c.name}  ${c.startDay} … ${c.endDay}  ${campaignStatus(c, account.timezone)}  ${c._count.codes} codes  ${progress}`);
  }
}

export async function campaignBoard(values: Record<string, unknown>) {
  const account = await accountOf(values);
  const name = typeof values.name === "string" ? values.name.trim() : "";
  if (!name) throw new Error("--name: the campaign's name is required");
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error("--limit: must be a whole number from 1 to 1000");
  const campaign = await db().campaign.findUnique({ where: { accountId_name: { accountId: account.id, name } } });
  if (!campaign) throw new Error(`--name: no campaign named ${name}`);
  const { rows, total } = await getCampaignBoard(account.id, campaign, { limit });
  console.log(`${campaign.name} (${campaign.startDay} … ${campaign.endDay}): ${total} promoter${total === 1 ? "" : "s"}`);
  console.log("rank   new  qualified(pending)  refollow  unfollow   net  scans  outside  promoter");
  for (const r of rows) {
    const qualified = `${r.qualified}${r.qualifyPending ? ` (${r.qualifyPending})` : ""}`.padStart(17);
    const [rank, follows, ...rest] = [r.rank, r.newFollowers, r.refollows, r.unfollows, r.net, r.scans, r.outsideFollows].map((n) => String(n).padStart(5));
    console.log([rank, follows, qualified, ...rest].join("  ") + `  ${r.name}`);
  }
}
