"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { deleteReplyRuleAction } from "@/app/(dashboard)/settings/forward-actions";
import { Button } from "@/components/ui/button";

export function DeleteRuleButton({ accountId, ruleId, label }: { accountId: string; ruleId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" variant="secondary" disabled={pending} onClick={() => startTransition(async () => (await deleteReplyRuleAction(accountId, ruleId), router.refresh()))}>
      {label}
    </Button>
  );
}
