"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { deleteReplyRuleAction, moveReplyRuleAction } from "@/app/(dashboard)/settings/forward-actions";
import { Button } from "@/components/ui/button";

type Labels = { delete: string; up: string; down: string };

/** Move up, move down and delete for one rule (the callback tries rules in this order). */
export function RuleActions({ accountId, ruleId, labels, first, last }: { accountId: string; ruleId: string; labels: Labels; first: boolean; last: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<void>) => startTransition(async () => (await action(), router.refresh()));
  return (
    <div className="flex justify-end gap-1">
      {!first ? <Button type="button" variant="secondary" disabled={pending} aria-label={labels.up} onClick={() => run(() => moveReplyRuleAction(accountId, ruleId, "up"))}>↑</Button> : null}
      {!last ? <Button type="button" variant="secondary" disabled={pending} aria-label={labels.down} onClick={() => run(() => moveReplyRuleAction(accountId, ruleId, "down"))}>↓</Button> : null}
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => deleteReplyRuleAction(accountId, ruleId))}>{labels.delete}</Button>
    </div>
  );
}
