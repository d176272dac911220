"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { signOutEverywhereAction } from "@/app/account/password/actions";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useI18n } from "@/components/i18n-provider";

export function SignOutEverywhereButton() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <ConfirmButton
      label={t.account.everywhere}
      question={t.account.confirmEverywhere}
      testId="sign-out-everywhere"
      onConfirm={async () => {
        await signOutEverywhereAction();
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    />
  );
}
