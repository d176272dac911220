"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Field } from "@/components/ui/field";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Letters and digits from the browser's CSPRNG (rejection sampling keeps them uniform). */
function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

type Props = { label: string; name: string; length: number; storedHint?: string; hint?: string; error?: string; required?: boolean };

/**
 * A write-only secret (Token, EncodingAESKey): never pre-filled, since the server never sends it;
 * "Generate" fills a random value made in this browser, shown until the form is saved.
 */
export function SecretField({ label, name, length, storedHint, hint, error, required }: Props) {
  const { t } = useI18n();
  const f = t.accounts.fields;
  const [value, setValue] = useState("");
  const [generated, setGenerated] = useState(false);
  return (
    <div className="space-y-1">
      <Field
        label={label}
        name={name}
        value={value}
        onChange={(e) => { setValue(e.target.value); setGenerated(false); }}
        required={required}
        autoComplete="off"
        spellCheck={false}
        placeholder={storedHint ? "••••••••••••••••" : undefined}
        hint={generated ? f.secretNew : [storedHint, hint].filter(Boolean).join(" ") || undefined}
        error={error}
      />
      <button
        type="button"
        data-testid={`generate-${name}`}
        onClick={() => { setValue(randomAlphanumeric(length)); setGenerated(true); }}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50"
      >
        {f.generate}
      </button>
    </div>
  );
}
