const STYLES: Record<string, string> = {
  active: "bg-brand-50 text-brand-700",
  pending: "bg-amber-50 text-amber-700",
  failed: "bg-red-50 text-red-700",
  expired: "bg-slate-100 text-slate-600",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.expired}`}>{label}</span>;
}
