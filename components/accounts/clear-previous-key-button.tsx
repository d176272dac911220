"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { clearPreviousKeyAction } from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";

export function ClearPreviousKeyButton({ accountId, label }: { accountId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" variant="secondary" disabled={pending} onClick={() => startTransition(async () => { await clearPreviousKeyAction(accountId); router.refresh(); })}>
      {label}
    </Button>
  );
}
