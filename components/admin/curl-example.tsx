/** A copy-pasteable request against the promoters endpoint. */
export function CurlExample({ origin, apiKey = "$KEY" }: { origin: string; apiKey?: string }) {
  const command = `curl -H "Authorization: Bearer ${apiKey}" ${origin}/api/v1/promoters`;
  return (
    <pre data-testid="curl-example" className="overflow-x-auto whitespace-pre rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      <code>{apiKey === "$KEY" ? `export KEY=sk_…\n${command}` : command}</code>
    </pre>
  );
}
