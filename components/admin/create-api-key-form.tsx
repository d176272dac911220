"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiKeyAction } from "@/app/(dashboard)/api-keys/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useFormAction } from "@/components/use-form-action";
import { format } from "@/lib/i18n/locales";
import { CurlExample } from "./curl-example";
import { OneTimeSecret } from "./one-time-secret";

export function CreateApiKeyForm({ accounts, origin }: { accounts: { id: string; name: string }[]; origin: string }) {
  const { t } = useI18n();
  const k = t.admin.apiKeys;
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const { errors, pending, onSubmit } = useFormAction(createApiKeyAction, (result, _form, element) => {
    setCreated({ name: result.name, key: result.key });
    element.reset();
    router.refresh();
  });
  const message = (key?: string) => (key ? ((k.errors as Record<string, string>)[key] ?? t.errors.generic) : undefined);

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label={k.create} data-testid="create-api-key-form" className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto]">
        <Field label={k.fields.name} name="name" required maxLength={60} autoComplete="off" hint={k.fields.nameHint} error={message(errors.name)} />
        <SelectField
          label={k.fields.account}
          name="accountId"
          defaultValue={accounts[0]?.id ?? ""}
          options={accounts.map((a) => ({ value: a.id, label: a.name }))}
          error={message(errors.accountId)}
        />
        <SelectField
          label={k.fields.scope}
          name="scope"
          defaultValue="read"
          options={[{ value: "read", label: k.scopes.read }, { value: "read-write", label: k.scopes["read-write"] }]}
          error={message(errors.scope)}
        />
        <Field label={k.fields.expiresAt} name="expiresAt" type="date" hint={k.fields.expiresHint} error={message(errors.expiresAt)} />
        <Button type="submit" disabled={pending || accounts.length === 0} className="lg:mt-6">{pending ? k.creating : k.create}</Button>
      </form>
      {created ? (
        <OneTimeSecret title={format(k.newKey, { name: created.name })} value={created.key} onDismiss={() => setCreated(null)}>
          <CurlExample origin={origin} apiKey={created.key} />
        </OneTimeSecret>
      ) : null}
    </div>
  );
}
