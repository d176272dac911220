import Link from "next/link";

/** The full-page message behind 403 and 404. */
export function StatusPage({ code, message, linkLabel }: { code: number; message: string; linkLabel: string }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-xl font-semibold">{code}</h1>
      <p className="text-sm text-slate-600">{message}</p>
      <Link href="/" className="text-sm text-brand-700 underline">{linkLabel}</Link>
    </main>
  );
}
