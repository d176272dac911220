"use client";

import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

type Props = {
  label: string;
  question: string;
  onConfirm: () => Promise<void>;
  disabled?: boolean;
  title?: string;
  testId?: string;
};

/**
 * A button that asks first: the question replaces it with Confirm / Cancel (Escape cancels). Focus
 * moves to Confirm, then back to the button, so keyboard users keep their place.
 */
export function ConfirmButton({ label, question, onConfirm, disabled, title, testId }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [answered, setAnswered] = useState(false);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setAsking(false);
    setAnswered(true);
  };
  if (!asking) {
    return (
      <Button type="button" variant="secondary" className="px-3 py-1.5" disabled={disabled || pending} title={title} data-testid={testId} autoFocus={answered} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      onKeyDown={(event) => event.key === "Escape" && close()}
      className="flex w-full flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm"
    >
      <p className="min-w-0 flex-1 text-amber-900">{question}</p>
      <Button
        type="button"
        className="px-3 py-1.5"
        disabled={pending}
        autoFocus
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={() => startTransition(async () => { await onConfirm(); close(); })}
      >
        {t.admin.confirm.yes}
      </Button>
      <Button type="button" variant="ghost" className="px-3 py-1.5" disabled={pending} onClick={close}>{t.admin.confirm.cancel}</Button>
    </div>
  );
}
