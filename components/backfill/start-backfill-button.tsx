"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startBackfillAction } from "@/app/(dashboard)/followers/backfill/actions";
import { Button } from "@/components/ui/button";

type Props = { label: string; pendingLabel: string; busyMessage: string };

/** Start or resume: the server claims the run and answers at once; the page then polls its progress. */
export function StartBackfillButton({ label, pendingLabel, busyMessage }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        disabled={pending}
        data-testid="backfill-start"
        onClick={() =>
          startTransition(async () => {
            const result = await startBackfillAction();
            setError(result.ok ? null : busyMessage);
            router.refresh();
          })
        }
      >
        {pending ? pendingLabel : label}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
