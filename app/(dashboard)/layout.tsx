import { AppShell } from "@/components/app-shell/app-shell";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // The frame needs the user; each page still checks the session itself.
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
