import { StatusPage } from "@/components/status-page";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export default async function NotFound() {
  const { t } = await getDictionary();
  return <StatusPage code={404} message={t.errors.notFound} linkLabel={t.errors.backHome} />;
}
