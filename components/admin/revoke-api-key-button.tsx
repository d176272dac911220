"use client";

import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/app/(dashboard)/api-keys/actions";
import { useI18n } from "@/components/i18n-provider";
import { format } from "@/lib/i18n/locales";
import { ConfirmButton } from "./confirm-button";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <ConfirmButton
      label={t.admin.apiKeys.revoke}
      question={format(t.admin.apiKeys.confirmRevoke, { name })}
      testId="api-key-revoke"
      onConfirm={async () => {
        await revokeApiKeyAction(id);
        router.refresh();
      }}
    />
  );
}
