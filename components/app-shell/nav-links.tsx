"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n-provider";
import { can } from "@/lib/auth/roles";
import { NAV_ITEMS } from "./nav-items";

export function NavLinks({ role, onNavigate }: { role: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const { t } = useI18n();
  return (
    <ul className="space-y-1">
      {NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission)).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <span aria-hidden className="w-4 text-center">{item.icon}</span>
              {item.label(t)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
