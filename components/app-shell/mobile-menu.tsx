"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { NavLinks } from "./nav-links";

export function MobileMenu({ role, footer }: { role: string; footer: React.ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        aria-label={open ? t.nav.closeMenu : t.nav.openMenu}
        onClick={() => setOpen(!open)}
        className="rounded-md p-2 text-slate-700 hover:bg-slate-100 lg:hidden"
      >
        <span aria-hidden className="text-lg leading-none">{open ? "✕" : "☰"}</span>
      </button>
      {open ? (
        <div id="mobile-menu" className="absolute inset-x-0 top-14 z-20 border-b border-slate-200 bg-white p-3 shadow-lg lg:hidden">
          <nav aria-label={t.nav.sectionMain}>
            <NavLinks role={role} onNavigate={() => setOpen(false)} />
          </nav>
          <div className="mt-3 border-t border-slate-200 pt-3">{footer}</div>
        </div>
      ) : null}
    </>
  );
}
