"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { reissueQrCodeAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export function RetryQrButton({ qrCodeId, label, pendingLabel }: { qrCodeId: string; label?: string; pendingLabel?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" disabled={pending} onClick={() => startTransition(async () => { await reissueQrCodeAction(qrCodeId); router.refresh(); })}>
      {pending ? (pendingLabel ?? t.promoters.detail.retrying) : (label ?? t.promoters.detail.retry)}
    </Button>
  );
}
