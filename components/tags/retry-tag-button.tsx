"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { retryTagsAction } from "@/app/(dashboard)/tags/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

/** Puts one failed follower back in the queue. */
export function RetryTagButton({ mappingId, rowId }: { mappingId: string; rowId: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button type="button" variant="secondary" className="px-3 py-1" disabled={pending} data-testid="tag-retry"
      onClick={() => start(async () => { await retryTagsAction(mappingId, rowId); router.refresh(); })}>
      {t.tags.retry}
    </Button>
  );
}
