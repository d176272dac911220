import Link from "next/link";
import { notFound } from "next/navigation";
import { TeamForm } from "@/components/teams/team-form";
import { TeamMembers } from "@/components/teams/team-members";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n/get-dictionary";

// Promoters offered for adding: those without a team, by name; beyond this, import a team column.
const UNASSIGNED_SHOWN = 500;

// Managing one team (writers): name, lead, members.
export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("write");
  const [{ t }, { account }, { id }] = await Promise.all([getDictionary(), getActiveAccount(), params]);
  if (!account) notFound();
  const team = await db().team.findFirst({ where: { id, accountId: account.id }, select: { id: true, name: true, leadId: true } });
  if (!team) notFound();
  const [members, unassigned] = await Promise.all([
    db().promoter.findMany({ where: { accountId: account.id, teamId: team.id }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    db().promoter.findMany({ where: { accountId: account.id, teamId: null, active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: UNASSIGNED_SHOWN, select: { id: true, name: true } }),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/teams" className="text-sm text-brand-700 hover:underline">← {t.teams.title}</Link>
        <h1 className="mt-1 text-2xl font-semibold">{team.name}</h1>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4"><TeamForm team={team} leadOptions={members} /></section>
      <TeamMembers team={team} members={members} unassigned={unassigned} />
    </div>
  );
}
