"use client";

import { useI18n } from "@/components/i18n-provider";

export function LogoName() {
  return <span>{useI18n().t.app.name}</span>;
}
