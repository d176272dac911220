import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { isSetupDone } from "@/lib/auth/create-user";
import { getCurrentUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (!(await isSetupDone())) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const [{ t }, { callbackUrl }] = await Promise.all([getDictionary(), searchParams]);
  return (
    <AuthCard title={t.login.title}>
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
