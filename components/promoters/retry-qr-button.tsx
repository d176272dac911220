"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { retryQrCodeAction } from "@/app/(dashboard)/promoters/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export function RetryQrButton({ promoterId }: { promoterId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" disabled={pending} onClick={() => startTransition(async () => { await retryQrCodeAction(promoterId); router.refresh(); })}>
      {pending ? t.promoters.detail.retrying : t.promoters.detail.retry}
    </Button>
  );
}
