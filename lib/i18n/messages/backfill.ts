// Importing existing followers (导入已有粉丝): the import page, its progress and reconciliation report.
import type { Widen } from "../widen";

const zh = {
  title: "导入已有粉丝",
  intro: "从微信读取公众号现有的全部粉丝（关注时间、关注渠道、二维码场景），把通过已知推广二维码关注的粉丝计入对应推广者，标记为「导入」，与实时归因分开统计、绝不重复计算。结束时对账：找出已取关但未收到推送的粉丝并更正。",
  rules: "规则：之后收到的实时事件优先——导入的粉丝再次通过二维码关注时，以实时关注为准，撤销导入的计数；实时取关照常计入推广者的取关数。",
  start: "开始导入",
  resume: "继续导入",
  starting: "正在启动…",
  busy: "该公众号的导入正在进行中。",
  noPermission: "只读成员不能导入粉丝。",
  never: "尚未导入过粉丝。",
  status: { running: "导入中", paused: "已暂停", failed: "失败", done: "已完成", stalled: "已中断（进程已停止），可继续" },
  progress: "已读取 {listed} / {total} 位粉丝（{percent}%）",
  pausedUntil: "今日接口额度已用完，将于 {time} 后可继续（北京时间零点重置）。",
  errcode: "微信错误码 {errcode}：{hint}",
  counts: { listed: "已读取", imported: "新导入", credited: "计入推广者", corrected: "更正取关" },
  report: "对账报告",
  missed: "我们认为仍在关注、但微信列表中没有的粉丝（漏收的取关，已记为取关并标注「对账」）：{count} 位",
  reverse: "微信列表中有、但我们记录为已取关的粉丝（仅报告）：{count} 位",
  sample: "示例 OpenID",
  none: "无",
  leaderboardNote: "导入的粉丝在排行榜和推广者页面中单独显示为「导入」列。",
  started: "开始于 {time}",
  finished: "完成于 {time}",
};

const en: Widen<typeof zh> = {
  title: "Import existing followers",
  intro: "Reads every follower the account already has from WeChat (when and how they followed, their QR scene), credits those who came by a known promoter code to that promoter, marked Imported, counted apart from live attribution and never twice. It ends with a reconciliation that finds and corrects missed unfollows.",
  rules: "Rules: a later live event wins — when an imported follower follows again through a code, the live follow counts and the imported credit is withdrawn; a live unfollow counts for the promoter as usual.",
  start: "Start import",
  resume: "Resume import",
  starting: "Starting…",
  busy: "An import of this account is already running.",
  noPermission: "Viewers cannot import followers.",
  never: "No import has run yet.",
  status: { running: "Importing", paused: "Paused", failed: "Failed", done: "Done", stalled: "Interrupted (its process stopped); resume it" },
  progress: "Followers read: {listed} of {total} ({percent}%)",
  pausedUntil: "Today's API quota is used up; resume after {time} (quotas reset at midnight Beijing time).",
  errcode: "WeChat error {errcode}: {hint}",
  counts: { listed: "Read", imported: "Newly imported", credited: "Credited to promoters", corrected: "Unfollows corrected" },
  report: "Reconciliation report",
  missed: "{count, plural, one {# follower} other {# followers}} we thought follow but WeChat does not list (missed unfollows, recorded as unfollows marked reconciled)",
  reverse: "{count, plural, one {# follower} other {# followers}} WeChat lists that we have as unfollowed (reported only)",
  sample: "Sample OpenIDs",
  none: "None",
  leaderboardNote: "Imported followers appear in their own Imported column on the leaderboard and promoter pages.",
  started: "Started {time}",
  finished: "Finished {time}",
};

export const backfillMessages = { "zh-CN": zh, en };
