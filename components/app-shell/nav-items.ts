import type { Permission } from "@/lib/auth/roles";
import type { Dictionary } from "@/lib/i18n/locales";

export type NavItem = { href: string; label: (t: Dictionary) => string; icon: string; permission?: Permission };

// Every dashboard page is listed here once; the sidebar and the mobile menu both render it.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: (t) => t.nav.overview, icon: "◎" },
  { href: "/leaderboard", label: (t) => t.nav.leaderboard, icon: "▤" },
  { href: "/promoters", label: (t) => t.nav.promoters, icon: "☺" },
  { href: "/teams", label: (t) => t.nav.teams, icon: "☷" },
  { href: "/applications", label: (t) => t.nav.applications, icon: "✚" },
  { href: "/crosscheck", label: (t) => t.nav.crosscheck, icon: "⇄" },
  { href: "/signals", label: (t) => t.signals.nav, icon: "⚠" },
  { href: "/campaigns", label: (t) => t.nav.campaigns, icon: "⚑" },
  { href: "/posters", label: (t) => t.posters.title, icon: "▣" },
  { href: "/settlements", label: (t) => t.nav.settlement, icon: "¥", permission: "write" },
  { href: "/tags", label: (t) => t.nav.tags, icon: "#" },
  { href: "/followers/backfill", label: (t) => t.nav.backfill, icon: "⇣" },
  { href: "/settings", label: (t) => t.nav.settings, icon: "⚙" },
  { href: "/users", label: (t) => t.nav.users, icon: "♙", permission: "manage-users" },
  { href: "/api-keys", label: (t) => t.nav.apiKeys, icon: "◇", permission: "manage-users" },
  { href: "/webhooks", label: (t) => t.nav.webhooks, icon: "⇢", permission: "write" },
  { href: "/api-docs", label: (t) => t.nav.apiDocs, icon: "⌘" },
  { href: "/audit", label: (t) => t.nav.audit, icon: "☰", permission: "manage-users" },
];
