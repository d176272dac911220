"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createTeamAction, updateTeamAction } from "@/app/(dashboard)/teams/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";

type Props = { team?: { id: string; name: string; leadId: string | null }; leadOptions?: { id: string; name: string }[] };

/** Creates a team (name only), or renames one and picks its lead among the members. */
export function TeamForm({ team, leadOptions = [] }: Props) {
  const { t } = useI18n();
  const l = t.teams;
  const router = useRouter();
  const action = team ? updateTeamAction.bind(null, team.id) : createTeamAction;
  const [saved, setSaved] = useState(false);
  const { errors, pending, onSubmit } = useFormAction((form: FormData) => (setSaved(false), action(form)), (_result, _form, element) => {
    if (!team) element.reset();
    else setSaved(true);
    router.refresh();
  });
  const message = (key?: string) => (key ? ((l.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={team ? l.save : l.create} data-testid={team ? "edit-team-form" : "create-team-form"} className="flex flex-wrap items-start gap-3">
      <div className="w-64"><Field label={l.fields.name} name="name" required maxLength={30} defaultValue={team?.name} hint={l.fields.nameHint} error={message(errors.name)} autoComplete="off" /></div>
      {team ? (
        <div className="w-56">
          <SelectField label={l.fields.lead} name="leadId" defaultValue={team.leadId ?? ""} error={message(errors.leadId)}
            options={[{ value: "", label: l.fields.noLead }, ...leadOptions.map((p) => ({ value: p.id, label: p.name }))]} />
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="mt-6">{pending ? (team ? l.saving : l.creating) : team ? l.save : l.create}</Button>
      {saved ? <span role="status" className="mt-8 text-sm text-green-700">{l.saved}</span> : null}
    </form>
  );
}
