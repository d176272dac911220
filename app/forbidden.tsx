import { StatusPage } from "@/components/status-page";
import { getDictionary } from "@/lib/i18n/get-dictionary";

export default async function Forbidden() {
  const { t } = await getDictionary();
  return <StatusPage code={403} message={t.errors.forbidden} linkLabel={t.errors.backHome} />;
}
