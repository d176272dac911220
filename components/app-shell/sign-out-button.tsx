"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";

export function SignOutButton() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => { await signOut({ redirect: false }); router.replace("/login"); router.refresh(); })}
      className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-600 hover:bg-slate-100"
    >
      {t.nav.signOut}
    </button>
  );
}
