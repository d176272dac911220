import { LocaleSwitch } from "@/components/locale-switch";
import { LogoName } from "./logo-name";

/** The centered card the setup and login pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <Logo />
          <LocaleSwitch />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold">{title}</h1>
          {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </main>
  );
}

export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-slate-900">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-500 text-sm text-white">码</span>
      <LogoName />
    </span>
  );
}
