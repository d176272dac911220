import { db } from "../db";
import { getLeaderboard } from "../stats/get-leaderboard";
import { getTeamBoard } from "../teams/get-team-board";

/** Members listed on a lead's page; a bigger team shows its top ones and the count. */
export const LEAD_MEMBERS_SHOWN = 100;

export type LeadMember = { rank: number; name: string; newFollowers: number; net: number; scans: number; isLead: boolean; active: boolean };

export type LeadView = {
  teamName: string;
  /** The team's place among the account's teams by new followers in the range (team names stay private). */
  teamRank: number;
  teams: number;
  totals: { members: number; newFollowers: number; unfollows: number; net: number; scans: number; perCapita: number };
  members: LeadMember[];
  memberCount: number;
};

/**
 * What a team lead's private page adds: their team's totals and rank, and the members ranked among
 * themselves over the range — names and counts only (no phone, note or link of another promoter).
 * Null for a promoter who leads no team.
 */
export async function getLeadView(accountId: string, promoterId: string, range: { from: string; to: string }, timeZone: string): Promise<LeadView | null> {
  const team = await db().team.findFirst({ where: { accountId, leadId: promoterId }, select: { id: true, name: true } });
  if (!team) return null;
  const [board, members] = await Promise.all([
    getTeamBoard(accountId, range),
    getLeaderboard(accountId, range, { teamId: team.id, timeZone, limit: LEAD_MEMBERS_SHOWN }),
  ]);
  const row = board.find((r) => r.teamId === team.id);
  if (!row) return null; // deleted between the two reads
  return {
    teamName: team.name,
    teamRank: row.rank,
    teams: board.length,
    totals: { members: row.members, newFollowers: row.newFollowers, unfollows: row.unfollows, net: row.net, scans: row.scans, perCapita: row.perCapita },
    members: members.rows.map((m) => ({ rank: m.rank, name: m.name, newFollowers: m.newFollowers, net: m.net, scans: m.scans, isLead: m.promoterId === promoterId, active: m.active })),
    memberCount: members.total,
  };
}
