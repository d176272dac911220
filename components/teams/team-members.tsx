"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { assignTeamAction, deleteTeamAction } from "@/app/(dashboard)/teams/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";

type Person = { id: string; name: string };
type Props = { team: { id: string; name: string }; members: Person[]; unassigned: Person[] };

/** A team's members (each can be taken out), adding promoters without a team, and deleting the team. */
export function TeamMembers({ team, members, unassigned }: Props) {
  const { t, locale } = useI18n();
  const l = t.teams;
  const router = useRouter();
  const [removing, startRemoving] = useTransition();
  const add = useFormAction(assignTeamAction, (_result, _form, element) => {
    element.reset();
    router.refresh();
  });
  const remove = (id: string) =>
    startRemoving(async () => {
      const form = new FormData();
      form.append("promoterIds", id);
      form.append("teamId", "");
      await assignTeamAction(form);
      router.refresh();
    });
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-medium">{format(l.members, { count: members.length }, locale)}</h2>
        {members.length ? (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="team-members">
            {members.map((m) => (
              <li key={m.id} className="flex items-center justify-between py-2 text-sm">
                <span>{m.name}</span>
                <Button variant="secondary" disabled={removing} onClick={() => remove(m.id)} aria-label={`${l.remove}: ${m.name}`}>{l.remove}</Button>
              </li>
            ))}
          </ul>
        ) : <p className="mt-3 text-sm text-slate-500">{l.noMembers}</p>}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 className="font-medium">{l.addMembers}</h2>
        {unassigned.length ? (
          <form onSubmit={add.onSubmit} className="mt-3 flex flex-wrap items-end gap-3" data-testid="add-members-form">
            <input type="hidden" name="teamId" value={team.id} />
            <label className="text-sm">
              <span className="block text-slate-600">{l.addHint}</span>
              <select name="promoterIds" multiple size={Math.min(8, unassigned.length)} className="mt-1 w-72 rounded-md border border-slate-300 px-2 py-1.5" data-testid="add-members-select">
                {unassigned.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <Button type="submit" disabled={add.pending}>{l.add}</Button>
            {add.errors.promoterIds ? <p role="alert" className="w-full text-sm text-red-700">{(l.errors as Record<string, string>)[add.errors.promoterIds] ?? t.errors.generic}</p> : null}
          </form>
        ) : <p className="mt-3 text-sm text-slate-500">{l.noUnassigned}</p>}
      </section>
      <ConfirmButton label={l.delete} question={format(l.deleteConfirm, { name: team.name })} testId="delete-team"
        onConfirm={async () => {
          await deleteTeamAction(team.id);
          router.push("/teams");
        }} />
    </div>
  );
}
