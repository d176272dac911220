import type { Dictionary } from "@/lib/i18n/locales";
import { RuleActions } from "./rule-actions";

type Rule = { id: string; trigger: string; keyword: string; kind: string; content: string | null; mediaId: string | null; title: string | null };
type Props = { accountId: string; rules: Rule[]; t: Dictionary["forward"]["replies"]; canEdit: boolean };

/** The account's automatic replies in the order the callback tries them. */
export function ReplyRuleTable({ accountId, rules, t, canEdit }: Props) {
  if (!rules.length) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <table className="w-full text-sm" data-testid="reply-rules">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="py-1.5 font-normal">{t.columns.trigger}</th>
          <th className="py-1.5 font-normal">{t.columns.keyword}</th>
          <th className="py-1.5 font-normal">{t.columns.reply}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, i) => (
          <tr key={rule.id} className="border-t border-slate-100">
            <td className="py-1.5">{t.triggers[rule.trigger as keyof typeof t.triggers] ?? rule.trigger}</td>
            <td className="py-1.5 font-medium">{rule.keyword || "—"}</td>
            <td className="py-1.5 text-slate-700">
              <span className="mr-1 rounded bg-slate-100 px-1.5 text-xs">{t.kinds[rule.kind as keyof typeof t.kinds] ?? rule.kind}</span>
              {rule.content ?? rule.title ?? rule.mediaId}
            </td>
            <td className="py-1.5 text-right">
              {canEdit ? <RuleActions accountId={accountId} ruleId={rule.id} labels={{ delete: t.delete, up: t.moveUp, down: t.moveDown }} first={i === 0} last={i === rules.length - 1} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
