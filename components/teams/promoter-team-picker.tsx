"use client";

import { useRouter } from "next/navigation";
import { assignTeamAction } from "@/app/(dashboard)/teams/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";

type Props = { promoterId: string; teamId: string | null; teams: { id: string; name: string }[] };

/** The promoter page's team: pick one of the account's teams, or none. */
export function PromoterTeamPicker({ promoterId, teamId, teams }: Props) {
  const { t } = useI18n();
  const l = t.teams;
  const router = useRouter();
  const { errors, pending, onSubmit } = useFormAction(assignTeamAction, () => router.refresh());
  const message = (key?: string) => (key ? ((l.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" data-testid="promoter-team-form">
      <input type="hidden" name="promoterIds" value={promoterId} />
      <div className="w-56">
        <SelectField label={l.promoterTeam} name="teamId" defaultValue={teamId ?? ""} error={message(errors.name ?? errors.promoterIds)}
          options={[{ value: "", label: l.noTeam }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="mt-6">{l.setTeam}</Button>
    </form>
  );
}
