import { NoAccount } from "@/components/no-account";
import { PosterEditor } from "@/components/posters/poster-editor";
import { getActiveAccount } from "@/lib/accounts/active-account";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import { getPosterTemplate } from "@/lib/posters/get-poster-template";
import { qrSvg } from "@/lib/qr/render-qr";

// 海报模板: the account's poster template, its background, placement and a live preview.
export default async function PostersPage() {
  const user = await requireUser("read");
  const [{ t }, { account }] = await Promise.all([getDictionary(), getActiveAccount()]);
  const p = t.posters;
  if (!account) return <NoAccount message={t.promoters.needAccount} linkLabel={t.promoters.goToSettings} />;
  const [template, sampleSvg] = await Promise.all([getPosterTemplate(account.id), qrSvg("http://weixin.qq.com/q/poster-preview")]);
  const writable = can(user.role, "write");
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{p.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{p.intro}</p>
        {!template ? <p className="mt-2 text-sm text-slate-500" data-testid="poster-none">{p.none}</p> : null}
        {!writable ? <p className="mt-2 text-sm text-amber-700">{p.readOnly}</p> : null}
      </div>
      <PosterEditor
        template={template ? { version: template.version, name: template.name, width: template.layout.width, height: template.layout.height, placement: template.placement } : null}
        sampleSvg={sampleSvg}
        writable={writable}
      />
    </div>
  );
}
