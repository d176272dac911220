"use client";

import { useState, useTransition } from "react";
import type { FieldErrors } from "@/lib/auth/schemas";

type ActionResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * The submit handler every form shares: reads the form, runs the server action in a transition,
 * keeps its field errors (dictionary keys), and calls onSuccess with the result and the form data.
 */
export function useFormAction<R extends ActionResult>(
  action: (form: FormData) => Promise<R>,
  onSuccess: (result: Extract<R, { ok: true }>, form: FormData, element: HTMLFormElement) => void | Promise<void>,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok) return setErrors((result as Extract<R, { ok: false }>).errors);
      setErrors({});
      await onSuccess(result as Extract<R, { ok: true }>, form, element);
    });
  }

  return { errors, pending, onSubmit };
}
