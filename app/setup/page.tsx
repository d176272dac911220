import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupDone } from "@/lib/auth/create-user";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupDone()) redirect("/login");
  const { t } = await getDictionary();
  return (
    <AuthCard title={t.setup.title} intro={t.setup.intro}>
      <SetupForm />
    </AuthCard>
  );
}
