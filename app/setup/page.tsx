import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupDone } from "@/lib/auth/create-user";
import { ensureSetupCode } from "@/lib/auth/setup-code";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { log } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupDone()) redirect("/login");
  // npm start has printed the code already; a server started another way (next start, next dev)
  // gets one here, printed to its log — never to the page.
  const code = await ensureSetupCode();
  if (!printed.has(code)) {
    printed.add(code);
    log().info(`First-run setup code: ${code}`);
  }
  const { t } = await getDictionary();
  return (
    <AuthCard title={t.setup.title} intro={t.setup.intro}>
      <SetupForm />
    </AuthCard>
  );
}

const printed = new Set<string>();
