import Link from "next/link";

/** Shown by pages that need a connected Official Account when there is none. */
export function NoAccount({ message, linkLabel }: { message: string; linkLabel: string }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="text-sm text-slate-600">{message}</p>
      <Link href="/settings" className="mt-3 inline-block text-sm font-medium text-brand-700 underline">{linkLabel}</Link>
    </div>
  );
}
